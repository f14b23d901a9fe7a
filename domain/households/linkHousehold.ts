import type { Types } from 'mongoose';
import { Contact } from '../../models/contact';
import { Household, householdByPersonHash, householdKey } from '../../models/household';
import { hashPii, openPii } from '../../lib/pii';
import type { VillagerActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { settleAttempt, takeAttempt, type AttemptBudget } from '../core/attemptBudget';
import { DomainError } from '../core/errors';

/** Failed checks in a row that lock a contact out of further checks, and for how long. */
export const MAX_HOUSEHOLD_CHECK_FAILURES = 5;
export const HOUSEHOLD_CHECK_LOCK_MS = 24 * 60 * 60_000;

/** How a villager proves they belong to a household: their name and either the last four of their ID or their phone. */
export type HouseholdProof = { name: string } & (
  { idNumberLast4: string; phone?: undefined } | { phone: string; idNumberLast4?: undefined }
);

interface Person {
  name: string;
  idNumber?: { enc: string } | null;
  phone?: { hash?: string | null } | null;
}

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const sameName = (a: string, b: string): boolean => a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

function lastFourMatches(person: Person, last4: string): boolean {
  if (!person.idNumber) return false;
  return openPii(person.idNumber).slice(-4).toUpperCase() === last4.toUpperCase();
}

/** A register household a proof matched. */
interface Matched {
  householdId: string;
  villageCode: string;
}

const matched = (h: { _id: Types.ObjectId; villageCode: string }): Matched => ({
  householdId: h._id.toString(),
  villageCode: h.villageCode,
});

/** The households where a person of that name also matches the proof. At most a few households share a name. */
async function matchingHouseholds(proof: HouseholdProof): Promise<Matched[]> {
  if (proof.phone !== undefined) {
    const hash = hashPii('phone', proof.phone);
    const candidates = await Household.find(householdByPersonHash('phone', hash)).limit(20).lean();
    return candidates
      .filter((h) => [h.head, ...h.members].some((p) => sameName(p.name, proof.name) && p.phone?.hash === hash))
      .map(matched);
  }
  const name = proof.name.normalize('NFKC').trim();
  const candidates = await Household.find({ keys: householdKey.name(name) })
    .limit(50)
    .lean();
  return candidates
    .filter((h) => [h.head, ...h.members].some((p) => sameName(p.name, name) && lastFourMatches(p, proof.idNumberLast4)))
    .map(matched);
}

function lockedError(until: Date): DomainError {
  return new DomainError(423, 'household_check_locked', `核对失败次数太多，请在 ${beijing.format(until)} 以后再试，或请网格员帮您绑定`, {
    lockedUntil: until.toISOString(),
  });
}

/** The budget of household checks on a contact: five misses in a row lock it out for a day. */
function checkBudget(contactId: Types.ObjectId): AttemptBudget {
  return {
    collection: Contact.collection,
    id: contactId,
    countField: 'householdCheckFailures',
    lockedUntilField: 'householdCheckLockedUntil',
    max: MAX_HOUSEHOLD_CHECK_FAILURES,
    lockMs: HOUSEHOLD_CHECK_LOCK_MS,
  };
}

/** The contact fields a check reads. */
interface CheckedContact {
  _id: Types.ObjectId;
}

/** The outcome of {@link checkAndLink}: the household now linked, or why not (the error to give). */
type CheckOutcome = ({ kind: 'linked' } & Matched) | { kind: 'refused'; error: DomainError };

/**
 * The one household check of every channel: refused while the contact is locked out; otherwise the proof is
 * matched, a miss is counted (the fifth in a row locks the contact for a day), and a match links the contact,
 * resets the count and records `contact.link_household`.
 */
async function checkAndLink(
  contact: CheckedContact,
  props: { actor: VillagerActor; proof: HouseholdProof; now: Date; requestId?: string; ip?: string },
): Promise<CheckOutcome> {
  const { actor, proof, now } = props;
  const budget = checkBudget(contact._id);
  const attempt = await takeAttempt(budget, now);
  if (attempt.kind === 'locked') return { kind: 'refused', error: lockedError(attempt.until) };
  const matches = await matchingHouseholds(proof);
  // Only one household matched is a success: an ambiguous proof counts like a miss, so it cannot reset the count.
  const settled = await settleAttempt(budget, attempt, matches.length === 1, now);
  if ('lockedUntil' in settled) return { kind: 'refused', error: lockedError(settled.lockedUntil) };
  if (matches.length > 1) {
    return {
      kind: 'refused',
      error: new DomainError(409, 'household_ambiguous', '有不止一户对得上，请改用手机号核对，或请网格员帮您绑定'),
    };
  }
  const [match] = matches;
  if (!match) {
    return {
      kind: 'refused',
      error: new DomainError(400, 'household_check_failed', `没有核对上，请检查姓名和号码（还可以再试 ${settled.remaining} 次）`),
    };
  }
  await Contact.updateOne({ _id: contact._id }, { $set: { householdId: match.householdId, name: proof.name.trim() } });
  await recordAudit({
    actor,
    action: 'contact.link_household',
    target: { type: 'contact', id: contact._id.toString() },
    requestId: props.requestId,
    ip: props.ip,
    details: { householdId: match.householdId, checkedBy: proof.phone !== undefined ? 'phone' : 'idNumberLast4' },
    at: now,
  });
  return { kind: 'linked', ...match };
}

/**
 * Links a mini-program villager to their household after checking what they know: their name and the last four
 * characters of their ID number (decrypted and compared) or their phone (compared by hash). Five failed checks in a
 * row lock the contact out for a day; a successful check resets the count. Records `contact.link_household`.
 */
export async function linkHousehold(props: {
  actor: VillagerActor;
  proof: HouseholdProof;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<{ contactId: string; householdId: string }> {
  const contact = await Contact.findById(props.actor.contactId).lean();
  if (!contact || contact.channel !== 'miniprogram') throw new DomainError(403, 'forbidden', '请在小程序里绑定家庭');
  if (contact.householdId) throw new DomainError(409, 'household_already_linked', '您已经绑定了家庭');
  const outcome = await checkAndLink(contact, props);
  if (outcome.kind === 'refused') throw outcome.error;
  return { contactId: contact._id.toString(), householdId: outcome.householdId };
}

/** What the chat's household check came to: the household linked, or not (and whether checks are now locked). */
export type ChatHouseholdLink = ({ kind: 'linked' } & Matched) | { kind: 'not_linked'; locked: boolean };

/**
 * Links a chat contact to the register household of the name and phone they gave, by the same check and the same
 * lockout as the mini-program: a miss is counted, and after five the chat stops trying for a day. A contact that
 * is already linked keeps its household and is not checked. A miss is not an error in the chat: the villager can
 * still report with name and phone, and whatever needs a household goes to the grid worker.
 */
export async function chatHouseholdLinker(props: {
  actor: VillagerActor;
  name: string;
  phone: string;
  now: Date;
  requestId: string;
}): Promise<ChatHouseholdLink> {
  const contact = await Contact.findById(props.actor.contactId).lean();
  if (!contact || contact.channel === 'miniprogram') throw new DomainError(403, 'forbidden', '只能在聊天里这样核对');
  if (contact.householdId) return { kind: 'not_linked', locked: false };
  const outcome = await checkAndLink(contact, { ...props, proof: { name: props.name, phone: props.phone } });
  if (outcome.kind === 'linked') return outcome;
  return { kind: 'not_linked', locked: outcome.error.code === 'household_check_locked' };
}
