import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { DISASTER_TYPES } from './enums';
import { REGION_CODE, actorSchema } from './shared';

/** Emergency response levels, I the highest. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;

/**
 * A disaster that reports and applications are grouped under (e.g. 2023-07 暴雨洪涝). A `responseLevel` means an
 * emergency response was started, which is when reports need at least three photos.
 */
const disasterEventSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    disasterType: { type: String, enum: DISASTER_TYPES, required: true },
    gbCode: { type: String, match: /^\d{6}$/ },
    startAt: { type: Date, required: true },
    endAt: { type: Date },
    regionCodes: { type: [{ type: String, match: REGION_CODE }], default: [] },
    status: { type: String, enum: ['open', 'closed'] as const, default: 'open' },
    responseLevel: { type: String, enum: RESPONSE_LEVELS },
    description: { type: String },
    createdBy: { type: actorSchema },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

disasterEventSchema.index({ status: 1, startAt: -1 });
disasterEventSchema.index({ regionCodes: 1 });

/** Fields of a disaster event. */
export type DisasterEventFields = InferSchemaType<typeof disasterEventSchema>;
/** A loaded disaster event document. */
export type DisasterEventDocument = HydratedDocumentFromSchema<typeof disasterEventSchema>;
/** Disaster events (collection `disasterevents`). */
export const DisasterEvent = model('DisasterEvent', disasterEventSchema);
