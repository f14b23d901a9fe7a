import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { REGION_CODE } from './shared';

/** Colours of GB/T 35965.1; CAP 1.2 severities (Extreme…Minor) are mapped to these by the parser. */
export const WARNING_SEVERITIES = ['Red', 'Orange', 'Yellow', 'Blue', 'Unknown'] as const;
export const WARNING_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;

const infoSchema = new Schema(
  {
    language: { type: String, default: 'zh-CN' },
    eventType: { type: String, required: true, match: /^\d{2}[A-Z]\d{2}$/ },
    urgency: { type: String, enum: ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const },
    severity: { type: String, enum: WARNING_SEVERITIES, required: true },
    certainty: { type: String, enum: ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const },
    effective: { type: Date },
    onset: { type: Date },
    expires: { type: Date },
    senderName: { type: String },
    headline: { type: String, required: true },
    description: { type: String },
    instruction: { type: String },
    web: { type: String },
  },
  { _id: false },
);

const areaSchema = new Schema(
  {
    areaDesc: { type: String, required: true },
    geocodes: { type: [{ type: String, match: /^\d{6}(\d{6})?$/ }], default: [] },
    polygon: { type: String },
    circle: { type: String },
  },
  { _id: false },
);

/**
 * An early warning message as received (国家预警信息发布系统 format, GB/T 35965.1, or OASIS CAP 1.2 from the
 * CMA export). One document per message; `chainId` is the identifier of the first message (首发), equal to
 * `references` for an Update or Cancel, so a chain — and a Cancel withdrawing it — is read by one key.
 * `targetRegionCodes` is the union of the areas' 12-digit codes expanded to villages, for targeting.
 * `rawXml` keeps the message as received, for audit.
 */
const warningSchema = new Schema(
  {
    identifier: { type: String, required: true, trim: true },
    sender: { type: String, required: true },
    senderCode: { type: String },
    sendTime: { type: Date, required: true },
    status: { type: String, enum: ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const, required: true },
    msgType: { type: String, enum: WARNING_MSG_TYPES, required: true },
    scope: { type: String, enum: ['Public', 'Restricted', 'Private'] as const },
    methods: { type: [String], default: [] },
    secClassification: { type: String },
    note: { type: String },
    references: { type: String },
    chainId: { type: String, required: true },
    info: { type: infoSchema, required: true },
    areas: { type: [areaSchema], default: [] },
    targetRegionCodes: { type: [{ type: String, match: REGION_CODE }], default: [] },
    sourceFormat: { type: String, enum: ['gbt35965', 'cap12'] as const, required: true },
    rawXml: { type: String },
    receivedAt: { type: Date, required: true },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

warningSchema.index({ identifier: 1 }, { unique: true });
warningSchema.index({ chainId: 1, sendTime: 1 });
warningSchema.index({ targetRegionCodes: 1 });
warningSchema.index({ 'info.expires': 1 });

/** Fields of a warning message. */
export type WarningFields = InferSchemaType<typeof warningSchema>;
/** A loaded warning document. */
export type WarningDocument = HydratedDocumentFromSchema<typeof warningSchema>;
/** Warning messages (collection `warnings`). */
export const Warning = model('Warning', warningSchema);
