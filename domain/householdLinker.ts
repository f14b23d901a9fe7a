import { Contact } from '../models/contact';
import { Household, householdByPersonHash } from '../models/household';
import { hashPii, openPii } from '../lib/pii';
import type { VillagerActor } from './actor';
import { recordAudit } from './auditLogger';
import { DomainError } from './errors';

/** Failed checks in a row that lock a contact out of further checks, and for how long. */
export const MAX_HOUSEHOLD_CHECK_FAILURES = 5;
export const HOUSEHOLD_CHECK_LOCK_MS = 24 * 60 * 60_000;

/** How a villager proves they belong to a household: their name and either the last four of their ID or their phone. */
export type HouseholdProof = { name: string } & ({ idNumberLast4: string; phone?: undefined } | { phone: string; idNumberLast4?: undefined });

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

/** The ids of households where a person of that name also matches the proof. At most a few households share a name. */
async function matchingHouseholds(proof: HouseholdProof): Promise<string[]> {
  if (proof.phone !== undefined) {
    const hash = hashPii('phone', proof.phone);
    const candidates = await Household.find(householdByPersonHash('phone', hash)).limit(20).lean();
    return candidates
      .filter((h) => [h.head, ...h.members].some((p) => sameName(p.name, proof.name) && p.phone?.hash === hash))
      .map((h) => h._id.toString());
  }
  const name = proof.name.normalize('NFKC').trim();
  const candidates = await Household.find({ $or: [{ 'head.name': name }, { 'members.name': name }] }).limit(50).lean();
  return candidates
    .filter((h) => [h.head, ...h.members].some((p) => sameName(p.name, name) && lastFourMatches(p, proof.idNumberLast4)))
    .map((h) => h._id.toString());
}

function lockedError(until: Date): DomainError {
  return new DomainError(423, 'household_check_locked', `核对失败次数太多，请在 ${beijing.format(until)} 以后再试，或请网格员帮您绑定`, {
    lockedUntil: until.toISOString(),
  });
}

async function recordFailure(contactId: string, now: Date): Promise<DomainError> {
  // $inc is atomic: parallel guesses cannot get past the limit between a read and a write.
  const updated = await Contact.findOneAndUpdate({ _id: contactId }, { $inc: { householdCheckFailures: 1 } }, { returnDocument: 'after' }).lean();
  const failures = updated?.householdCheckFailures ?? 0;
  if (failures < MAX_HOUSEHOLD_CHECK_FAILURES) {
    return new DomainError(400, 'household_check_failed', `没有核对上，请检查姓名和号码（还可以再试 ${MAX_HOUSEHOLD_CHECK_FAILURES - failures} 次）`);
  }
  const until = new Date(now.getTime() + HOUSEHOLD_CHECK_LOCK_MS);
  await Contact.updateOne({ _id: contactId }, { $set: { householdCheckLockedUntil: until, householdCheckFailures: 0 } });
  return lockedError(until);
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
  const { actor, proof, now } = props;
  const contact = await Contact.findById(actor.contactId).lean();
  if (!contact || contact.channel !== 'miniprogram') throw new DomainError(403, 'forbidden', '请在小程序里绑定家庭');
  if (contact.householdId) throw new DomainError(409, 'household_already_linked', '您已经绑定了家庭');
  if (contact.householdCheckLockedUntil && contact.householdCheckLockedUntil > now) throw lockedError(contact.householdCheckLockedUntil);
  const matches = await matchingHouseholds(proof);
  if (matches.length > 1) throw new DomainError(409, 'household_ambiguous', '有不止一户对得上，请改用手机号核对，或请网格员帮您绑定');
  const [householdId] = matches;
  if (!householdId) throw await recordFailure(actor.contactId, now);
  await Contact.updateOne(
    { _id: contact._id },
    { $set: { householdId, name: proof.name.trim(), householdCheckFailures: 0 }, $unset: { householdCheckLockedUntil: 1 } },
  );
  await recordAudit({
    actor,
    action: 'contact.link_household',
    target: { type: 'contact', id: contact._id.toString() },
    requestId: props.requestId,
    ip: props.ip,
    details: { householdId, checkedBy: proof.phone !== undefined ? 'phone' : 'idNumberLast4' },
    at: now,
  });
  return { contactId: contact._id.toString(), householdId };
}
