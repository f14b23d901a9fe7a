import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { REGION_CODE, SHA256_HEX, actorSchema, locationSchema } from './shared';

/** Hazard kinds of 风险隐患排查. */
export const HAZARD_TYPES = ['geological', 'housing', 'flood', 'fire'] as const;

const inspectionSchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    result: { type: String, enum: ['normal', 'abnormal'] as const, required: true },
    findings: { type: String },
    photos: { type: [{ type: String, match: SHA256_HEX }], default: [] },
  },
  { _id: false },
);

const threatenedSchema = new Schema(
  {
    households: { type: Number, default: 0, min: 0, validate: Number.isInteger },
    people: { type: Number, default: 0, min: 0, validate: Number.isInteger },
  },
  { _id: false },
);

/**
 * A point of the 农村风险隐患数据库 (landslide slope, dangerous house, flood-prone spot, fire risk), with its
 * inspections. Read by village for grid workers and by town + status for officials.
 */
const hazardSchema = new Schema(
  {
    type: { type: String, enum: HAZARD_TYPES, required: true },
    name: { type: String, required: true, trim: true },
    location: { type: locationSchema },
    villageCode: { type: String, required: true, match: REGION_CODE },
    townCode: { type: String, required: true, match: REGION_CODE },
    level: { type: String, enum: ['high', 'medium', 'low'] as const, required: true },
    threatened: { type: threatenedSchema, default: () => ({}) },
    householdIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Household' }], default: [] },
    responsibleStaffId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    inspections: { type: [inspectionSchema], default: [] },
    status: { type: String, enum: ['active', 'mitigated', 'closed'] as const, default: 'active' },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

hazardSchema.index({ villageCode: 1 });
hazardSchema.index({ townCode: 1, status: 1 });
hazardSchema.index({ householdIds: 1 });

/** Fields of a hazard. */
export type HazardFields = InferSchemaType<typeof hazardSchema>;
/** A loaded hazard document. */
export type HazardDocument = HydratedDocumentFromSchema<typeof hazardSchema>;
/** Hazard points (collection `hazards`). */
export const Hazard = model('Hazard', hazardSchema);
