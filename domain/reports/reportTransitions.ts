import { REPORT_STATUSES } from '../../models/report';

/** A review state of a damage report. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The allowed moves: submitted → verifying → verified → closed; before verification ends a report may be
 * rejected or marked a duplicate of another. Closed, rejected and duplicate are final: the record stays as it is.
 */
export const REPORT_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  submitted: ['verifying', 'rejected', 'duplicate'],
  verifying: ['verified', 'rejected', 'duplicate'],
  verified: ['closed'],
  closed: [],
  rejected: [],
  duplicate: [],
};

/** Statuses whose reason must be given: a reporter told "rejected" deserves to know why. */
export const REASON_REQUIRED: readonly ReportStatus[] = ['rejected', 'duplicate'];

/** Whether a report may move from `from` to `to`. */
export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return REPORT_TRANSITIONS[from].includes(to);
}

/** Chinese names of the statuses, for messages and the reporter's view. */
export const REPORT_STATUS_NAMES: Readonly<Record<ReportStatus, string>> = {
  submitted: '已提交',
  verifying: '核查中',
  verified: '已核实',
  closed: '已办结',
  rejected: '未采纳',
  duplicate: '重复上报',
};
