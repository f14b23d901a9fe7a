/**
 * One suite per recogniser: its fixture rows, its hard cases and how to run a row. Shared by the jest
 * tests (which assert the rows) and `accuracy.ts` (which counts rows and hard cases), so both read the same
 * table the same way.
 */
import {
  detectIntent,
  extractCreditKind,
  extractDamage,
  extractDate,
  extractDisasterType,
  extractEducationTopic,
  extractGreenChannelDifficulty,
  extractIdNumber,
  extractMoneyYuan,
  extractName,
  extractPhone,
  getDefaultVillageMatcher,
  normalizeText,
  parseChineseNumber,
  parseGlobalCommand,
  parseYesNo,
} from '../../../bot/nlu';
import * as fixtures from './fixtures';

/** A recogniser under test: rows asserted by the tests, hard cases only reported. */
export interface Suite<Output> {
  name: string;
  rows: ReadonlyArray<readonly [string, Output]>;
  hard: ReadonlyArray<readonly [string, Output]>;
  run: (input: string) => Output;
}

function suite<Output>(
  name: string,
  rows: ReadonlyArray<readonly [string, Output]>,
  run: (input: string) => Output,
  hard: ReadonlyArray<readonly [string, Output]> = [],
): Suite<Output> {
  return { name, rows, hard, run };
}

/** What a village match is compared by: the code, the sorted candidate codes, or `undefined`. */
function villageOutcome(text: string): string | readonly string[] | undefined {
  const found = getDefaultVillageMatcher().match(text);
  if (found === undefined) return undefined;
  return 'ambiguous' in found ? found.ambiguous.map((village) => village.code) : found.code;
}

export const numbers = suite('numbers', fixtures.numberRows, parseChineseNumber);
export const yesNo = suite('yesNo', fixtures.yesNoRows, parseYesNo);
export const commands = suite('commands', fixtures.commandRows, parseGlobalCommand);
export const intent = suite('intent', fixtures.intentRows, (text) => detectIntent(text).intent, fixtures.hardCases.intent);
export const intentSlots = suite('intent+slots', fixtures.intentSlotRows, (text) => {
  const { intent: detected, slots } = detectIntent(text);
  return { intent: detected, slots };
});
export const disasterType = suite('disasterType', fixtures.disasterTypeRows, extractDisasterType);
export const damage = suite('damage', fixtures.damageRows, extractDamage, fixtures.hardCases.damage);
export const phone = suite('phone', fixtures.phoneRows, extractPhone);
export const idNumber = suite('idNumber', fixtures.idNumberRows, (text) => extractIdNumber(text, fixtures.FIXED_NOW));
export const name = suite('name', fixtures.nameRows, extractName);
export const difficulty = suite('difficulty', fixtures.difficultyRows, extractGreenChannelDifficulty);
export const creditKind = suite('creditKind', fixtures.creditKindRows, extractCreditKind);
export const money = suite('money', fixtures.moneyRows, extractMoneyYuan, fixtures.hardCases.money);
export const date = suite('date', fixtures.dateRows, (text) => extractDate(text, fixtures.FIXED_NOW));
export const pastDate = suite('date (past)', fixtures.pastDateRows, (text) => extractDate(text, fixtures.FIXED_NOW, { prefer: 'past' }));
export const educationTopic = suite('educationTopic', fixtures.educationTopicRows, extractEducationTopic);
export const village = suite('village', fixtures.villageRows, villageOutcome);
export const normalize = suite('normalize', fixtures.normalizeRows, normalizeText);
