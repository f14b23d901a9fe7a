import { detectIntent, type Intent, type IntentResult } from './nlu/intent';
import { getDefaultVillageMatcher, type VillageMatch } from './nlu/villages';
import type { Flow } from '../domain/conversations/messages';

/** The flow each intent is served by; intents without a flow here are handled before routing or not at all. */
const FLOW_OF: Readonly<Partial<Record<Intent, Flow>>> = {
  report_damage: 'report_damage',
  green_channel: 'green_channel',
  credit_relief: 'credit_relief',
  progress: 'progress',
  warning_subscribe: 'warning_subscribe',
  warning_unsubscribe: 'warning_subscribe',
  education: 'education',
  human: 'human',
  greeting: 'menu',
};

/** Below this confidence a message inside a dialog is taken as a wrong answer, not as a wish to change flow. */
const SWITCH_CONFIDENCE = 0.85;

/** A message routed to a flow, and the words to start it with (none for a menu number: "3" is not an amount). */
export interface Routed {
  flow: Flow;
  intent: IntentResult;
  seed: string;
}

/**
 * The flow a message asks for. With `menu` (no dialog waiting), menu numbers and greetings count; inside a
 * dialog (`menu: false`) only a clear request for another flow does, because a number or a "你好" there is
 * an answer to the question asked.
 */
export function routeText(text: string, { menu }: { menu: boolean }): Routed | undefined {
  const intent = detectIntent(text);
  const flow = FLOW_OF[intent.intent];
  if (!flow) return undefined;
  if (!menu && (intent.slots.menuChoice !== undefined || flow === 'menu' || intent.confidence < SWITCH_CONFIDENCE)) return undefined;
  return { flow, intent, seed: intent.slots.menuChoice === undefined ? text : '' };
}

/** Whether the whole message acknowledges a warning (收到, 收到了, 晓得了). */
export function isAck(text: string): boolean {
  return detectIntent(text).intent === 'warning_ack';
}

/** A village by its code, from the district's region table. */
export function villageByCode(code: string): VillageMatch | undefined {
  return getDefaultVillageMatcher().villages.find((village) => village.code === code);
}

/** "木洞镇中坝村": how a village is named back to the villager. */
export function villageLabel(code: string | undefined): string {
  const village = code ? villageByCode(code) : undefined;
  return village ? `${village.townName}${village.shortName}` : '';
}
