import { Contact } from '../../models/contact';
import { StaffUser } from '../../models/staffUser';
import { isDuplicateKeyError } from '../../models/shared';
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken } from './accessToken';
import { jscode2session, WechatError } from '../../wechat/miniProgram';
import type { StaffActor, VillagerActor } from '../core/actor';
import { staffActorOf } from '../staff/staffActorOf';
import { DomainError } from '../core/errors';

/** The answer of a mini-program sign-in: levee's own token, never WeChat's session key. */
export interface MiniProgramSignIn {
  accessToken: string;
  expiresIn: number;
  actor: StaffActor | VillagerActor;
}

/** WeChat's answers mapped to what the person should do. Unknown codes are upstream trouble (502). */
const WECHAT_ERRORS: Record<number, [number, string, string]> = {
  40029: [400, 'wechat_code_invalid', '微信登录凭证无效，请重新打开小程序再试'],
  40163: [400, 'wechat_code_used', '微信登录凭证已经用过了，请重新打开小程序再试'],
  45011: [429, 'wechat_rate_limited', '登录太频繁了，请一分钟后再试'],
  40226: [403, 'wechat_user_blocked', '微信认为这个账号存在风险，暂时不能登录，请在微信里完成安全验证后再试'],
  [-1]: [503, 'wechat_busy', '微信服务繁忙，请稍后再试'],
};

/** Turns a failed `jscode2session` into an answer for the person; never a 500. */
export function wechatErrorToDomain(error: WechatError): DomainError {
  if (error.kind === 'not_configured') return new DomainError(503, 'wechat_not_configured', '小程序登录还没有配置好，请联系管理员');
  const known = error.errcode !== undefined ? WECHAT_ERRORS[error.errcode] : undefined;
  if (known) return new DomainError(known[0], known[1], known[2]);
  return new DomainError(
    502,
    'wechat_unavailable',
    '暂时连不上微信登录服务，请稍后再试',
    error.errcode !== undefined ? { errcode: error.errcode } : undefined,
  );
}

async function exchange(code: string): Promise<string> {
  try {
    return (await jscode2session(code)).openId;
  } catch (error) {
    if (error instanceof WechatError) throw wechatErrorToDomain(error);
    throw error;
  }
}

/** The contact of a mini-program user, created on first sign-in; a concurrent first sign-in re-reads it. */
async function contactOf(openId: string) {
  const filter = { channel: 'miniprogram' as const, externalId: openId };
  try {
    // Not lastInboundAt: that opens the Official Account's reply window, which a mini-program sign-in does not.
    return await Contact.findOneAndUpdate(filter, { $setOnInsert: { demo: false } }, { upsert: true, returnDocument: 'after' })
      .lean()
      .orFail();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return Contact.findOne(filter).lean().orFail();
  }
}

/**
 * Signs a mini-program user in with the code from `wx.login`. An openid bound to an active staff account signs in
 * as that staff member (grid workers, village cadres); any other openid is a villager, kept as a Contact on the
 * `miniprogram` channel, with their household when they have linked it.
 */
export async function signInWithMiniProgram({ code }: { code: string }): Promise<MiniProgramSignIn> {
  const openId = await exchange(code);
  const staff = await StaffUser.findOne({ wechatOpenId: openId }).lean();
  if (staff) {
    if (!staff.active) throw new DomainError(403, 'account_disabled', '您的工作人员账号已停用，请联系镇街管理员');
    const actor = staffActorOf(staff);
    return { accessToken: issueAccessToken(actor), expiresIn: ACCESS_TOKEN_TTL_SECONDS, actor };
  }
  const contact = await contactOf(openId);
  return villagerSignIn(contact);
}

/** A fresh villager token for a contact, e.g. after the household was linked. */
export function villagerSignIn(contact: {
  _id: { toString(): string };
  householdId?: { toString(): string } | null;
  name?: string | null;
}): MiniProgramSignIn {
  const actor: VillagerActor = {
    kind: 'villager',
    contactId: contact._id.toString(),
    ...(contact.householdId ? { householdId: contact.householdId.toString() } : {}),
    ...(contact.name ? { name: contact.name } : {}),
  };
  return { accessToken: issueAccessToken(actor), expiresIn: ACCESS_TOKEN_TTL_SECONDS, actor };
}
