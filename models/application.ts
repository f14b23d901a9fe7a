import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { APPLICATION_KINDS, GREEN_CHANNEL_DIFFICULTIES, HELP_MEASURES, SUBMISSION_SOURCES } from './enums';
import { CLIENT_ID, REGION_CODE, SHA256_HEX, actorSchema, onBehalfSchema, statusChangeSchema, submitterSchema } from './shared';

/**
 * One status list for all kinds; which transitions apply depends on the kind:
 * - green channel: submitted → accepted → helping → paperwork_due → completed (help first, documents after);
 * - credit: submitted → accepted (village check) → bank_review (town referral) → approved | declined → completed
 *   (outcome told to the household);
 * - any kind may end in rejected, or withdrawn by the applicant before a decision.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'helping',
  'paperwork_due',
  'bank_review',
  'approved',
  'declined',
  'completed',
  'rejected',
  'withdrawn',
] as const;

const creditSchema = new Schema(
  {
    bank: { type: String, required: true, trim: true },
    loanId: { type: Schema.Types.ObjectId },
    loanPrincipalYuan: { type: Number, min: 0, validate: Number.isInteger },
    dueAt: { type: Date },
    requestedMonths: { type: Number, min: 1, validate: Number.isInteger },
    amountYuan: { type: Number, min: 0, validate: Number.isInteger },
  },
  { _id: false },
);

const paperworkSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    received: { type: Boolean, default: false },
    receivedAt: { type: Date },
  },
  { _id: false },
);

const measureSchema = new Schema(
  {
    measure: { type: String, enum: HELP_MEASURES, required: true },
    startedAt: { type: Date },
    note: { type: String },
  },
  { _id: false },
);

/**
 * A household's request for help: the green channel or microcredit relief. Keyed by the client UUID like
 * reports (`contentHash` for the 409 decision); `receiptNo` is `LT…` for the green channel and `XD…` for credit.
 * `paperworkDueAt` drives reminders and escalation to the town when the documents are late.
 */
const applicationSchema = new Schema(
  {
    _id: { type: String, required: true, match: CLIENT_ID },
    contentHash: { type: String, required: true, match: SHA256_HEX },
    receiptNo: { type: String, required: true, match: /^(LT|XD)\d{8}-\d{4,}$/ },
    kind: { type: String, enum: APPLICATION_KINDS, required: true },
    source: { type: String, enum: SUBMISSION_SOURCES, required: true },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household' },
    applicant: { type: submitterSchema, required: true },
    onBehalf: { type: onBehalfSchema },
    villageCode: { type: String, match: REGION_CODE },
    townCode: { type: String, required: true, match: REGION_CODE },
    reportId: { type: String, ref: 'Report' },
    eventId: { type: Schema.Types.ObjectId, ref: 'DisasterEvent' },
    difficulties: { type: [{ type: String, enum: GREEN_CHANNEL_DIFFICULTIES }], default: [] },
    description: { type: String, trim: true },
    credit: { type: creditSchema },
    submittedAt: { type: Date, required: true },
    status: { type: String, enum: APPLICATION_STATUSES, default: 'submitted' },
    statusHistory: { type: [statusChangeSchema(APPLICATION_STATUSES)], default: [] },
    paperwork: { type: [paperworkSchema], default: [] },
    paperworkDueAt: { type: Date },
    measures: { type: [measureSchema], default: [] },
    assigneeId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    createdBy: { type: actorSchema },
    /**
     * Who may list it as their own (`submissionOwners`): `contact:<id>`, `household:<id>`, `staff:<id>`. A top-level
     * array, so "my records" is one indexed equality on the embedded database, never a dotted path or an `$or`.
     */
    owners: { type: [String], default: [] },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

applicationSchema.pre('validate', function requireCreditDetails() {
  if (this.kind !== 'green_channel' && !this.credit) this.invalidate('credit', '信贷申请需要填写贷款信息');
});

applicationSchema.index({ receiptNo: 1 }, { unique: true });
applicationSchema.index({ townCode: 1, status: 1 });
applicationSchema.index({ villageCode: 1, status: 1 });
applicationSchema.index({ householdId: 1 });
applicationSchema.index({ owners: 1 });
applicationSchema.index({ status: 1, paperworkDueAt: 1 });
applicationSchema.index({ assigneeId: 1, status: 1 });

/** Fields of an application. */
export type ApplicationFields = InferSchemaType<typeof applicationSchema>;
/** A loaded application document. */
export type ApplicationDocument = HydratedDocumentFromSchema<typeof applicationSchema>;
/** Green-channel and credit-relief applications (collection `applications`). */
export const Application = model('Application', applicationSchema);
