import { ownerKey } from '../core/submissionScope';
import { Application } from '../../models/application';
import { Report } from '../../models/report';

/** What a villager's record is doing, in plain words. */
export interface ProgressItem {
  kind: 'report' | 'application';
  receiptNo: string;
  /** 灾情上报 / 绿色通道 / 信贷展期 … */
  label: string;
  /** The status in words a villager understands. */
  status: string;
  at: Date;
}

const REPORT_STATUS_WORDS: Readonly<Record<string, string>> = {
  submitted: '已收到，等网格员核实',
  verifying: '网格员正在核实',
  verified: '已核实，正在安排帮扶',
  closed: '已办结',
  rejected: '核实后不予受理，网格员会跟您说明',
  duplicate: '和别人报的是同一处，已合并办理',
};

const APPLICATION_STATUS_WORDS: Readonly<Record<string, string>> = {
  submitted: '已提交，等村里核对',
  accepted: '已受理',
  helping: '正在帮扶',
  paperwork_due: '请补交材料',
  bank_review: '银行正在审核',
  approved: '已批准',
  declined: '银行没有批准，网格员会跟您说明',
  completed: '已办结',
  rejected: '不予受理，网格员会跟您说明',
  withdrawn: '已撤回',
};

const APPLICATION_LABELS: Readonly<Record<string, string>> = {
  green_channel: '绿色通道求助',
  credit_extension: '信贷展期',
  credit_renewal: '信贷续贷',
  credit_topup: '追加贷款',
};

/**
 * The latest reports and applications a villager filed through this contact (at most `limit` of each), newest
 * first, with their status in plain words. Only the contact's own filings: a chat never shows another person's.
 */
export async function conversationProgressFinder(contactId: string, limit = 5): Promise<ProgressItem[]> {
  const own = ownerKey.contact(contactId);
  const [reports, applications] = await Promise.all([
    Report.find({ owners: own }).sort({ reportedAt: -1 }).limit(limit).lean(),
    Application.find({ owners: own }).sort({ submittedAt: -1 }).limit(limit).lean(),
  ]);
  const items: ProgressItem[] = [
    ...reports.map((report) => ({
      kind: 'report' as const,
      receiptNo: report.receiptNo,
      label: `灾情上报（${report.disasterType}）`,
      status: REPORT_STATUS_WORDS[report.status] ?? report.status,
      at: report.reportedAt,
    })),
    ...applications.map((application) => ({
      kind: 'application' as const,
      receiptNo: application.receiptNo,
      label: APPLICATION_LABELS[application.kind] ?? application.kind,
      status: APPLICATION_STATUS_WORDS[application.status] ?? application.status,
      at: application.submittedAt,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
