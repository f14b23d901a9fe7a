import { Types } from 'mongoose';
import { Report, type ReportDocument } from '../../models/report';
import { StaffUser } from '../../models/staffUser';
import { recordAudit } from '../core/recordAudit';
import { invalid } from '../core/errors';
import { inRegion } from '../core/regionScope';
import { staffActorOf } from '../staff/staffActorOf';
import type { StaffActor } from '../core/actor';

export interface ReportAssignerProps {
  /** The report, loaded and authorized by the caller (`api/policies/report.ts` canAssignReport). */
  report: ReportDocument;
  actor: StaffActor;
  assigneeId: string;
  now: Date;
  requestId?: string;
  ip?: string;
}

/**
 * Hands a report to a staff member who can act on it: active, not a bank officer, and whose region contains the
 * report's village. Re-assigning is allowed (people fall ill); the audit log keeps the previous assignee.
 */
export async function reportAssigner({ report, actor, assigneeId, now, requestId, ip }: ReportAssignerProps): Promise<ReportDocument> {
  const reportId = report._id;
  const assignee = await StaffUser.findById(assigneeId).lean();
  if (!assignee || !assignee.active) throw invalid('assignee_not_found', '「处理人」不存在或已停用');
  if (assignee.role === 'bank_officer' || !inRegion(staffActorOf(assignee), report)) {
    throw invalid('assignee_out_of_region', '「处理人」不负责这条上报所在的区域');
  }
  const previous = report.assigneeId?.toString();
  await Report.updateOne({ _id: reportId }, { $set: { assigneeId: new Types.ObjectId(assigneeId) } });
  await recordAudit({
    actor,
    action: 'report.assign',
    target: { type: 'report', id: reportId },
    requestId,
    ip,
    at: now,
    details: { from: previous, to: assigneeId },
  });
  return Report.findById(reportId).orFail();
}
