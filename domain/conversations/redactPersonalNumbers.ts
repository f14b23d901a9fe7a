import { maskIdNumber, maskPhone } from '../../lib/pii';

const D = '[0-9０-９]';
/** 18-character resident ID numbers (last character may be X), not inside a longer run of digits; full-width too. */
const ID_NUMBER = new RegExp(`(?<!${D})[1-9１-９]${D}{16}[0-9０-９XxＸｘ](?![0-9０-９XxＸｘ])`, 'g');
/** Mainland mobile numbers, optionally after +86 / 86, with spaces or dashes between the groups; full-width too. */
const MOBILE = new RegExp(`(?<!${D})(?:[+＋]?[8８][6６][ -]?)?[1１][3-9３-９]${D}[ -]?${D}{4}[ -]?${D}{4}(?!${D})`, 'g');

/**
 * Masks every ID number and mobile phone number in a text (`500113198001011234` → `5001**********1234`,
 * `13812345678` → `138****5678`) and leaves everything else as it was. Used on every reply the bot sends and on
 * any villager text it stores for staff, so a full number is never echoed or kept outside the encrypted fields.
 */
export function redactPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER, (match) => maskIdNumber(match)).replace(MOBILE, (match) => maskPhone(match));
}
