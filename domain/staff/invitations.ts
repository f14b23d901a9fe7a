import crypto from 'node:crypto';
import { getConfig } from '../../config';
import { Contact } from '../../models/contact';
import { StaffInvitation } from '../../models/staffInvitation';
import { StaffUser, type StaffUserDocument } from '../../models/staffUser';
import { isDuplicateKeyError } from '../../models/shared';
import { storedActor, recordAudit } from '../core/recordAudit';
import type { StaffActor, VillagerActor } from '../core/actor';
import { staffActorOf } from './staffActorOf';
import { DomainError, conflict } from '../core/errors';

/** How long an invitation code can be redeemed. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

// No 0/O, 1/I/L: the code is read aloud or typed from a text message. 32 symbols × 10 = 50 bits.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** The code in its canonical form: spaces and dashes dropped, upper case, full-width folded. */
export const normalizeInvitationCode = (code: string): string =>
  code
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();

/** Keyed with the token secret, so a copy of the database alone cannot be used to find live codes. */
const codeHash = (code: string): string =>
  crypto
    .createHmac('sha256', getConfig().AUTH_TOKEN_SECRET)
    .update(`invitation:${normalizeInvitationCode(code)}`)
    .digest('hex');

function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)] ?? '');
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const alreadyLinked = (): DomainError => conflict('staff_already_linked', '这个工作人员已经绑定了微信');

/**
 * Issues a one-time invitation for `staff` (authorized by `canInviteStaff`) and returns the plain code, which is
 * shown once and never stored. Earlier unused codes for the same person stop working. Records `staff.invite`.
 */
export async function issueInvitation(props: {
  actor: StaffActor;
  staff: StaffUserDocument;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<{ code: string; expiresAt: Date }> {
  const { actor, staff, now } = props;
  if (staff.wechatOpenId) throw alreadyLinked();
  if (!staff.active) throw conflict('staff_inactive', '这个工作人员账号已停用');
  await StaffInvitation.updateMany(
    { staffUserId: staff._id, usedAt: { $exists: false }, expiresAt: { $gt: now } },
    { $set: { expiresAt: now } },
  );
  const code = newCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await StaffInvitation.create({
    codeHash: codeHash(code),
    staffUserId: staff._id,
    issuedBy: storedActor(actor),
    expiresAt,
  });
  await recordAudit({
    actor,
    action: 'staff.invite',
    target: { type: 'staffUser', id: staff.id },
    requestId: props.requestId,
    ip: props.ip,
    details: { invitationId: invitation.id, expiresAt: expiresAt.toISOString() },
    at: now,
  });
  return { code, expiresAt };
}

/**
 * Links the mini-program WeChat identity of the signed-in contact to the staff account an invitation names.
 * The invitation is claimed first with a conditional update (only while unused), so a code redeemed twice at once
 * links once; then the account is claimed the same way (only while unlinked). When the account cannot be linked the
 * invitation is given back, so the grid worker can try again with it. Records `staff.link_wechat`.
 */
export async function redeemInvitation(props: {
  actor: VillagerActor;
  code: string;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<StaffActor> {
  const { actor, now } = props;
  const contact = await Contact.findById(actor.contactId).lean();
  if (!contact || contact.channel !== 'miniprogram') throw new DomainError(403, 'forbidden', '请在小程序里使用邀请码');
  const invitation = await StaffInvitation.findOne({
    codeHash: codeHash(props.code),
    usedAt: { $exists: false },
    expiresAt: { $gt: now },
  }).lean();
  const invalidCode = () => new DomainError(400, 'invitation_invalid', '邀请码不对或已经过期，请向镇街工作人员重新要一个');
  if (!invitation) throw invalidCode();
  const claimed = await StaffInvitation.updateOne(
    { _id: invitation._id, usedAt: { $exists: false } },
    { $set: { usedAt: now, usedByContactId: contact._id } },
  );
  if (claimed.modifiedCount !== 1) throw invalidCode();
  const giveBack = () =>
    StaffInvitation.updateOne({ _id: invitation._id, usedByContactId: contact._id }, { $unset: { usedAt: '', usedByContactId: '' } });
  let linked;
  try {
    linked = await StaffUser.updateOne(
      { _id: invitation.staffUserId, active: true, wechatOpenId: { $exists: false } },
      { $set: { wechatOpenId: contact.externalId } },
    );
  } catch (error) {
    await giveBack();
    if (isDuplicateKeyError(error)) throw conflict('wechat_already_linked', '这个微信已经绑定了另一个工作人员账号');
    throw error;
  }
  if (linked.modifiedCount !== 1) {
    await giveBack();
    throw alreadyLinked();
  }
  await Contact.updateOne({ _id: contact._id }, { $set: { staffUserId: invitation.staffUserId } });
  const staff = await StaffUser.findById(invitation.staffUserId).lean().orFail();
  const staffActor = staffActorOf(staff);
  await recordAudit({
    actor: staffActor,
    action: 'staff.link_wechat',
    target: { type: 'staffUser', id: staff._id.toString() },
    requestId: props.requestId,
    ip: props.ip,
    details: { invitationId: invitation._id.toString(), contactId: contact._id.toString() },
    at: now,
  });
  return staffActor;
}
