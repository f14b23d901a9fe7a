import type { Flow } from '../../domain/conversations/messages';
import { consentDialog } from './consent';
import { creditReliefDialog } from './creditRelief';
import { educationDialog } from './education';
import { greenChannelDialog } from './greenChannel';
import { humanDialog } from './human';
import { progressDialog } from './progress';
import { reportDamageDialog } from './reportDamage';
import { runnable, type RunnableDialog } from './runner';
import { warningSubscribeDialog } from './warningSubscribe';

/** Every flow but the menu, which is the absence of a dialog. */
export type DialogFlow = Exclude<Flow, 'menu'>;

/** The dialogs by flow. */
export const DIALOGS: Readonly<Record<DialogFlow, RunnableDialog>> = {
  consent: runnable(consentDialog),
  report_damage: runnable(reportDamageDialog),
  green_channel: runnable(greenChannelDialog),
  credit_relief: runnable(creditReliefDialog),
  progress: runnable(progressDialog),
  warning_subscribe: runnable(warningSubscribeDialog),
  education: runnable(educationDialog),
  human: runnable(humanDialog),
};

/** Flows whose answers are kept when the villager leaves them (菜单, another flow): they are offered again. */
export const KEPT_FLOWS: readonly string[] = ['report_damage', 'green_channel', 'credit_relief', 'warning_subscribe'];

/** Whether a stored flow name is one of today's dialogs. */
export function isDialogFlow(flow: string): flow is DialogFlow {
  return Object.hasOwn(DIALOGS, flow);
}

/** The dialog of a stored flow name; callers check `isDialogFlow` first (stored frames are filtered on load). */
export function dialogOf(flow: string): RunnableDialog {
  if (!isDialogFlow(flow)) throw new Error(`no dialog for flow ${flow}`);
  return DIALOGS[flow];
}
