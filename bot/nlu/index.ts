/**
 * The bot's understanding layer: pure functions from a villager's message to what it means.
 * No I/O; the region table is passed in (or the bundled Banan table is used).
 */
export { compact, normalizeText, splitClauses, TYPO_TABLE } from './normalize';
export { findQuantities, parseChineseNumber, type ParsedNumber, type Quantity } from './numbers';
export { parseYesNo, type YesNo } from './yesNo';
export { parseGlobalCommand, type GlobalCommand } from './commands';
export { INTENTS, MAIN_MENU, detectIntent, type Intent, type IntentResult, type Slots } from './intent';
export * from './slots';
export { PART_OF_DAY_HOURS, extractOccurredAt } from './occurredAt';
export {
  createVillageMatcher,
  getDefaultVillageMatcher,
  shortTownName,
  shortVillageName,
  type AmbiguousVillage,
  type RegionsData,
  type TownMatch,
  type VillageMatch,
  type VillageMatcher,
} from './villages';
