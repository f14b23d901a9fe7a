/**
 * The fixed texts of the bot. Short, plain Simplified Chinese; every text that waits for an answer ends by saying
 * what to answer.
 */

/** The version of the privacy notice below; a new wording needs a new version (consent is recorded per version). */
export const PRIVACY_NOTICE_VERSION = 'bot-2026-01';

/** The privacy notice of the first contact: what is collected, why, who sees it. */
export const PRIVACY_NOTICE = [
  '您好！这里是巴南区防灾帮扶服务。',
  '办理上报和求助，要记下您的姓名、电话、村子、受灾情况和照片，只用来核实灾情、安排帮扶，',
  '只有您村的网格员和镇、区的工作人员能看到，不会公开您的电话和身份证号。',
  '同意吗？回复“同意”或“不同意”',
].join('\n');

/** The answer to a refusal: what is still possible without consent. */
export const CONSENT_REFUSED =
  '好的，不记您的信息。没有您的同意，只能给您讲防灾知识，不能登记上报和申请。\n想看防灾知识回复“6”，要找人帮忙回复“转人工”';

/** The main menu, answerable by number or in words. */
export const MENU = [
  '请问您要办啥子？',
  '1 灾情上报',
  '2 生活困难求助（绿色通道）',
  '3 小额信贷展期/续贷',
  '4 查询进度',
  '5 预警订阅',
  '6 防灾知识',
  '7 联系网格员',
  '回复数字或直接说',
].join('\n');

/** Appended to the menu when an unfinished dialog is kept. */
export const pausedHint = (label: string): string => `（您有一个没填完的${label}，回复“继续”接着填）`;

/** The question after a long pause in a dialog, or when the same flow is chosen again. */
export const resumeOffer = (label: string, filled: string): string =>
  `您上次的${label}还没填完${filled ? `（已填：${filled}）` : ''}。继续上次的${label}吗？回复“是”继续，回复“否”不要了`;

/** After three answers in a row were not understood, or a voice message. */
export const handoffSaid = (who: string, reason: 'asked' | 'failures' | 'voice'): string => {
  const lead = reason === 'voice' ? '语音我听不懂。' : reason === 'failures' ? '不好意思，我没弄明白您的意思。' : '好的，马上给您找人。';
  return `${lead}已经通知${who}，会尽快给您打电话或者在这里回复您。\n您也可以打字，回复“菜单”重新选择`;
};

/** Said when something failed on our side; the villager's answers are kept. */
export const SYSTEM_TROUBLE = '系统出了点问题，您说的已经记下了。请过一会儿再发一次，或者回复“转人工”';

/** Appended after a question was not understood. */
export const NOT_UNDERSTOOD = '没听明白。';
