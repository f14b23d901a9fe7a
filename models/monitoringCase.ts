import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { DISASTER_TYPES, HELP_MEASURES, MONITORING_TYPES, RISK_TYPES } from './enums';
import { REGION_CODE, actorSchema, neverDelete, statusChangeSchema } from './shared';

/** Where a lead came from (发现一户). */
export const LEAD_SOURCES = ['self_report', 'cadre_inspection', 'department_screening', 'damage_report'] as const;

/** lead → in_review (steps running) → identified | not_identified; identified → risk_eliminated. */
export const MONITORING_STATUSES = ['lead', 'in_review', 'identified', 'not_identified', 'risk_eliminated'] as const;

const stepFields = {
  at: { type: Date, required: true },
  by: { type: actorSchema, required: true },
  passed: { type: Boolean, required: true },
  note: { type: String },
};

const stepSchema = new Schema(stepFields, { _id: false });

/** 申请 + 承诺授权: the household signs that its data may be checked. */
const applicationStepSchema = new Schema({ ...stepFields, commitmentSigned: { type: Boolean, required: true } }, { _id: false });

/** 民主评议 + 公示: the public notice runs at least five days and never shows ID, phone, bank or health data. */
const villageReviewStepSchema = new Schema(
  { ...stepFields, noticeFrom: { type: Date, required: true }, noticeTo: { type: Date, required: true } },
  { _id: false },
);

/** The six identification steps, in order; a missing step has not happened yet. */
const stepsSchema = new Schema(
  {
    application: { type: applicationStepSchema },
    homeVisit: { type: stepSchema },
    dataComparison: { type: stepSchema },
    villageReview: { type: villageReviewStepSchema },
    townReview: { type: stepSchema },
    districtApproval: { type: stepSchema },
  },
  { _id: false },
);

const planMeasureSchema = new Schema(
  {
    measure: { type: String, enum: HELP_MEASURES, required: true },
    note: { type: String },
    startedAt: { type: Date },
    completedAt: { type: Date },
  },
  { _id: false },
);

const helpPlanSchema = new Schema(
  {
    measures: { type: [planMeasureSchema], default: [] },
    responsiblePersonId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    madeAt: { type: Date },
  },
  { _id: false },
);

const followUpSchema = new Schema(
  {
    dayOffset: { type: Number, required: true, min: 1 },
    dueAt: { type: Date, required: true },
    doneAt: { type: Date },
    by: { type: actorSchema },
    note: { type: String },
  },
  { _id: false },
);

/**
 * 防止返贫监测: one case per lead, from lead to identification (`deadlineAt` = lead + the configured days,
 * 15 by default), help plan, follow-ups and risk elimination. Records are kept forever: deletes are refused.
 */
const monitoringCaseSchema = new Schema(
  {
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', required: true },
    villageCode: { type: String, required: true, match: REGION_CODE },
    townCode: { type: String, required: true, match: REGION_CODE },
    leadSource: { type: String, enum: LEAD_SOURCES, required: true },
    leadRef: { type: String },
    leadAt: { type: Date, required: true },
    deadlineAt: { type: Date, required: true },
    steps: { type: stepsSchema, default: () => ({}) },
    identifiedAt: { type: Date },
    monitoringType: { type: String, enum: MONITORING_TYPES },
    riskTypes: {
      type: [{ type: String, enum: RISK_TYPES }],
      default: [],
      validate: { validator: (v: readonly string[]) => v.length <= 5, message: '风险类型最多 5 项' },
    },
    disasterSubType: { type: String, enum: DISASTER_TYPES },
    status: { type: String, enum: MONITORING_STATUSES, default: 'lead' },
    statusHistory: { type: [statusChangeSchema(MONITORING_STATUSES)], default: [] },
    helpPlan: { type: helpPlanSchema },
    followUps: { type: [followUpSchema], default: [] },
    riskEliminatedAt: { type: Date },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

monitoringCaseSchema.plugin(neverDelete);
monitoringCaseSchema.index({ householdId: 1 });
monitoringCaseSchema.index({ townCode: 1, status: 1, deadlineAt: 1 });
monitoringCaseSchema.index({ villageCode: 1, status: 1 });
monitoringCaseSchema.index({ 'followUps.dueAt': 1 });

/** Fields of a monitoring case. */
export type MonitoringCaseFields = InferSchemaType<typeof monitoringCaseSchema>;
/** A loaded monitoring case document. */
export type MonitoringCaseDocument = HydratedDocumentFromSchema<typeof monitoringCaseSchema>;
/** Monitoring cases (collection `monitoringcases`); never deleted. */
export const MonitoringCase = model('MonitoringCase', monitoringCaseSchema);
