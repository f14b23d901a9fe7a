import { PAPERWORK_DOCUMENTS, type Difficulty, type PaperworkDocument } from '../applications/schema';

/** Every green-channel case needs the household's 承诺授权书 and identity papers. */
const BASE: readonly PaperworkDocument[] = ['承诺授权书', '户口簿', '身份证'];

/** The documents each difficulty needs before the case can be confirmed (先办后补: they may come later). */
export const REQUIRED_DOCUMENTS: Readonly<Record<Difficulty, readonly PaperworkDocument[]>> = {
  生活: [...BASE, '收入情况说明'],
  住房: [...BASE, '房屋受损照片', '房屋安全鉴定'],
  医疗: [...BASE, '诊断证明', '医疗费用票据'],
  饮水: BASE,
  上学: [...BASE, '学籍证明'],
};

/** Every document the named difficulties need, once each, in the order of `PAPERWORK_DOCUMENTS`. */
export function requiredDocuments(difficulties: readonly Difficulty[]): PaperworkDocument[] {
  const needed = new Set(difficulties.flatMap((difficulty) => REQUIRED_DOCUMENTS[difficulty]));
  return PAPERWORK_DOCUMENTS.filter((doc) => needed.has(doc));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the missing paperwork is due: `days` after the case was accepted. */
export function paperworkDueAt(acceptedAt: Date, days: number): Date {
  return new Date(acceptedAt.getTime() + days * DAY_MS);
}
