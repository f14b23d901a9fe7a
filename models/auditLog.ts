import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { actorSchema, appendOnly } from './shared';

const targetSchema = new Schema(
  {
    type: { type: String, required: true },
    id: { type: String, required: true },
  },
  { _id: false },
);

/**
 * Who did what to which record, when, from where. Append-only: updates and deletes through mongoose are refused.
 * `details` never holds plaintext PII (a PII view is logged as "viewed idNumber", not the number).
 */
const auditLogSchema = new Schema(
  {
    actor: { type: actorSchema, required: true },
    action: { type: String, required: true, match: /^[a-z_]+(\.[a-z_]+)+$/ },
    target: { type: targetSchema, required: true },
    at: { type: Date, required: true },
    requestId: { type: String },
    ip: { type: String },
    details: { type: Schema.Types.Mixed },
    /** `actor.id` and `target.id` again at the top level: lookups by them are indexed equalities on the embedded database. */
    actorId: { type: String },
    targetId: { type: String },
  },
  { versionKey: false },
);

auditLogSchema.plugin(appendOnly);
auditLogSchema.index({ at: -1 });
auditLogSchema.index({ targetId: 1 });
auditLogSchema.index({ actorId: 1 });

/** Fields of an audit entry. */
export type AuditLogFields = InferSchemaType<typeof auditLogSchema>;
/** A loaded audit entry. */
export type AuditLogDocument = HydratedDocumentFromSchema<typeof auditLogSchema>;
/** The audit trail (collection `auditlogs`); append-only. */
export const AuditLog = model('AuditLog', auditLogSchema);
