/**
 * The slot extractors, gathered: used by `detectIntent` and by the dialog steps that ask for one detail
 * ("几间房？", "电话号码？", "哪天到期？"). Each takes raw message text and normalises it itself.
 */
export { extractDamage, type DamageCountField, type DamageReport, type HouseDamageLevel } from './damage';
export { extractDate, type DateOptions } from './dates';
export { DISASTER_TYPES, GB_T_28921_CODES, extractDisasterType, type DisasterType } from './disasterType';
export { EDUCATION_TOPICS, extractEducationTopic, type EducationTopic } from './education';
export { extractIdNumber, extractName, extractPhone } from './identity';
export { extractMoneyYuan } from './money';
export {
  GREEN_CHANNEL_DIFFICULTIES,
  extractCreditKind,
  extractGreenChannelDifficulty,
  type CreditKind,
  type GreenChannelDifficulty,
} from './needs';
