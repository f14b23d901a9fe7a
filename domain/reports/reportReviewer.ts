import { Report, type ReportDocument } from '../../models/report';
import { recordAudit, storedActor } from '../core/recordAudit';
import { conflict, invalid } from '../core/errors';
import { canMoveReport, REASON_REQUIRED, REPORT_STATUS_NAMES, type ReportStatus } from './reportTransitions';
import type { StaffActor } from '../core/actor';
import { inRegion } from '../core/regionScope';

export interface ReportReviewerProps {
  /** The report, loaded and authorized by the caller (`api/policies/report.ts` canChangeReportStatus). */
  report: ReportDocument;
  actor: StaffActor;
  to: ReportStatus;
  reason?: string;
  /** For `duplicate`: the report this one repeats. */
  duplicateOf?: string;
  now: Date;
  requestId?: string;
  ip?: string;
}

async function checkOriginal(props: ReportReviewerProps): Promise<string | undefined> {
  if (props.to !== 'duplicate') return undefined;
  if (!props.duplicateOf) throw invalid('invalid_input', '「重复的上报」必须填写');
  if (props.duplicateOf === props.report._id) throw invalid('invalid_duplicate', '一条上报不能和自己重复');
  const original = await Report.findById(props.duplicateOf).lean();
  if (!original || !inRegion(props.actor, original)) throw invalid('invalid_duplicate', '「重复的上报」不存在或不在您的区域');
  if (original.status === 'duplicate') throw invalid('invalid_duplicate', '请关联最早的那条上报，而不是另一条重复上报');
  return original._id;
}

/**
 * Moves a report to another review status (submitted → verifying → verified → closed, or rejected/duplicate),
 * appending who/when/why to `statusHistory` in the same atomic write as the status. The write is conditional on
 * the status read, so two reviewers racing cannot both move it: the loser gets 409 `report_status_changed`.
 */
export async function reportReviewer(props: ReportReviewerProps): Promise<ReportDocument> {
  const { report, actor, to, now } = props;
  const reportId = report._id;
  const from = report.status;
  if (!canMoveReport(from, to)) {
    throw conflict('invalid_transition', `上报现在是「${REPORT_STATUS_NAMES[from]}」，不能改为「${REPORT_STATUS_NAMES[to]}」`);
  }
  if (REASON_REQUIRED.includes(to) && !props.reason) throw invalid('invalid_input', '「原因」必须填写');
  const duplicateOf = await checkOriginal(props);
  const entry = { status: to, at: now, by: storedActor(actor), reason: props.reason };
  const result = await Report.updateOne(
    { _id: reportId, status: from },
    { $set: { status: to, ...(duplicateOf ? { duplicateOf } : {}) }, $push: { statusHistory: entry } },
  );
  if (result.matchedCount === 0) throw conflict('report_status_changed', '这条上报刚被别人处理过，请刷新后再试');
  await recordAudit({
    actor,
    action: 'report.status',
    target: { type: 'report', id: reportId },
    requestId: props.requestId,
    ip: props.ip,
    at: now,
    details: { from, to, reason: props.reason, duplicateOf },
  });
  return Report.findById(reportId).orFail();
}
