import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { DISASTER_TYPES, SUBMISSION_SOURCES } from './enums';
import {
  CLIENT_ID,
  REGION_CODE,
  SHA256_HEX,
  actorSchema,
  locationSchema,
  onBehalfSchema,
  statusChangeSchema,
  submitterSchema,
} from './shared';

/** Review states of a damage report. */
export const REPORT_STATUSES = ['submitted', 'verifying', 'verified', 'closed', 'rejected', 'duplicate'] as const;
/** 初报 (first, within hours), 续报 (follow-ups while it develops), 核报 (final, once stable). */
export const REPORT_STAGES = ['初报', '续报', '核报'] as const;
/** Coded needs; free text goes beside the code. */
export const NEED_CODES = ['food', 'water', 'shelter', 'medical', 'clothing', 'evacuation', 'other'] as const;

const count = { type: Number, default: 0, min: 0, validate: Number.isInteger };
const isTenths = (v: number): boolean => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
const mu = { type: Number, default: 0, min: 0, validate: isTenths };

const SUB = { _id: false } as const;

const peopleSchema = new Schema(
  {
    affected: count,
    dead: count,
    missing: count,
    injured: count,
    evacuated: count, // 紧急避险转移
    relocated: count, // 紧急转移安置
    needEmergencyLiving: count,
    needTransitionLiving: count,
  },
  SUB,
);

/** Houses are counted twice, by room (间) and by household (户), as the statistics system asks. */
const houseCountSchema = new Schema({ rooms: count, households: count }, SUB);
const housesSchema = new Schema(
  {
    collapsed: { type: houseCountSchema, default: () => ({}) },
    severe: { type: houseCountSchema, default: () => ({}) },
    minor: { type: houseCountSchema, default: () => ({}) },
  },
  SUB,
);

/** Crops in 亩 (what villagers know), to one decimal: 受灾 ⊇ 成灾 ⊇ 绝收, checked on validate. */
const cropsSchema = new Schema({ affectedMu: mu, damagedMu: mu, failedMu: mu }, SUB);
const livestockSchema = new Schema({ deadBig: count, deadSmall: count, poultryDead: count }, SUB);

const damageSchema = new Schema(
  {
    people: { type: peopleSchema, default: () => ({}) },
    houses: { type: housesSchema, default: () => ({}) },
    crops: { type: cropsSchema, default: () => ({}) },
    livestock: { type: livestockSchema, default: () => ({}) },
    waterInterrupted: { type: Boolean, default: false },
    estimatedLossYuan: count,
  },
  SUB,
);

const needSchema = new Schema({ code: { type: String, enum: NEED_CODES, required: true }, text: { type: String } }, SUB);

/**
 * A damage report (灾情上报) of one household or place, keyed by the client-generated UUID so a retried upload
 * is the same report. `contentHash` is the hash of the normalized submitted content: the caller compares it
 * to decide "same report" (OK) or "same id, different content" (409). `receiptNo` (`ZQ` + Beijing date +
 * daily sequence, e.g. ZQ20261129-0001, see `models/sequence.ts`) is what the villager quotes on the phone.
 */
const reportSchema = new Schema(
  {
    _id: { type: String, required: true, match: CLIENT_ID },
    contentHash: { type: String, required: true, match: SHA256_HEX },
    receiptNo: { type: String, required: true, match: /^ZQ\d{8}-\d{4,}$/ },
    source: { type: String, enum: SUBMISSION_SOURCES, required: true },
    reporter: { type: submitterSchema, required: true },
    onBehalf: { type: onBehalfSchema },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
    villageCode: { type: String, match: REGION_CODE },
    townCode: { type: String, required: true, match: REGION_CODE },
    location: { type: locationSchema },
    disasterType: { type: String, enum: DISASTER_TYPES, required: true },
    gbCode: { type: String, match: /^\d{6}$/ },
    eventId: { type: Schema.Types.ObjectId, ref: 'DisasterEvent' },
    reportStage: { type: String, enum: REPORT_STAGES, default: '初报' },
    occurredAt: { type: Date, required: true },
    reportedAt: { type: Date, required: true },
    damage: { type: damageSchema, default: () => ({}) },
    needs: { type: [needSchema], default: [] },
    description: { type: String, trim: true },
    photos: { type: [{ type: String, match: SHA256_HEX }], default: [] },
    status: { type: String, enum: REPORT_STATUSES, default: 'submitted' },
    statusHistory: { type: [statusChangeSchema(REPORT_STATUSES)], default: [] },
    duplicateOf: { type: String, ref: 'Report' },
    assigneeId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    createdBy: { type: actorSchema },
    /**
     * Who may list it as their own (`submissionOwners`): `contact:<id>`, `household:<id>`, `staff:<id>`. A top-level
     * array, so "my records" is one indexed equality on the embedded database, never a dotted path or an `$or`.
     */
    owners: { type: [String], default: [] },
    /**
     * `<regionCode>:<YYYYMMDD>` for the district, the town and the village of the report on the Beijing day it was
     * filed (`reportListKeys`): list pages read a region's reports day by day (see `ReportDay`).
     */
    listKeys: { type: [String], default: [] },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

reportSchema.pre('validate', function checkCropNesting() {
  const crops = this.damage?.crops;
  if (!crops) return;
  if (crops.damagedMu > crops.affectedMu) this.invalidate('damage.crops.damagedMu', '成灾面积不能大于受灾面积');
  if (crops.failedMu > crops.damagedMu) this.invalidate('damage.crops.failedMu', '绝收面积不能大于成灾面积');
});

reportSchema.index({ receiptNo: 1 }, { unique: true });
reportSchema.index({ townCode: 1, status: 1, reportedAt: -1 });
reportSchema.index({ villageCode: 1, reportedAt: -1 });
reportSchema.index({ householdId: 1 });
reportSchema.index({ eventId: 1 });
reportSchema.index({ assigneeId: 1, status: 1 });
reportSchema.index({ owners: 1 });
reportSchema.index({ listKeys: 1 });

/** Fields of a report. */
export type ReportFields = InferSchemaType<typeof reportSchema>;
/** A loaded report document. */
export type ReportDocument = HydratedDocumentFromSchema<typeof reportSchema>;
/** Damage reports (collection `reports`). */
export const Report = model('Report', reportSchema);
