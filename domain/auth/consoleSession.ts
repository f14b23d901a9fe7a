import crypto from 'node:crypto';
import { StaffUser, type StaffUserDocument } from '../../models/staffUser';
import { Session } from '../../models/session';
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken } from './accessToken';
import { verifyPassword } from './password';
import { staffActorOf } from '../staff/staffActorOf';
import { settleAttempt, takeAttempt, type AttemptBudget } from '../core/attemptBudget';
import { DomainError } from '../core/errors';

/** Failed password checks in a row that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** How long a refresh token stays valid without use. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

/** What a console sign-in or refresh hands out. */
export interface ConsoleTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  staff: StaffUserDocument;
}

/** Where a sign-in came from, kept on the session for the person's own review. */
export interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

const wrongCredentials = (): DomainError => new DomainError(401, 'invalid_credentials', '用户名或密码不对');
const invalidRefresh = (): DomainError => new DomainError(401, 'invalid_refresh_token', '登录已失效，请重新登录');

const beijingTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

function locked(until: Date): DomainError {
  return new DomainError(
    423,
    'account_locked',
    `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已锁定，请在 ${beijingTime.format(until)} 以后再试`,
    {
      lockedUntil: until.toISOString(),
    },
  );
}

const digest = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

async function openSession(staff: StaffUserDocument, familyId: string, now: Date, client: ClientInfo): Promise<ConsoleTokens> {
  const refreshToken = crypto.randomBytes(32).toString('base64url');
  const refreshExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  await Session.create({
    staffUserId: staff._id,
    familyId,
    tokenHash: digest(refreshToken),
    expiresAt: refreshExpiresAt,
    userAgent: client.userAgent?.slice(0, 300),
    ip: client.ip?.slice(0, 64),
  });
  return {
    accessToken: issueAccessToken(staffActorOf(staff)),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshToken,
    refreshExpiresAt,
    staff,
  };
}

/** The budget of password checks on a staff account: five wrong in a row lock it for `LOCKOUT_MS`. */
function loginBudget(staff: StaffUserDocument): AttemptBudget {
  return {
    collection: StaffUser.collection,
    id: staff._id,
    countField: 'failedLogins',
    lockedUntilField: 'lockedUntil',
    max: MAX_FAILED_LOGINS,
    lockMs: LOCKOUT_MS,
  };
}

/**
 * Signs a staff member in with username and password (console). Unknown user, disabled account, no password and
 * wrong password all answer the same 401, in the same time. Each attempt is counted before its password is checked,
 * so of a parallel burst only the first five are checked; the fifth wrong one locks the account (423), and guesses
 * during the lock are neither checked nor counted.
 */
export async function signInWithPassword(props: { username: string; password: string; now: Date } & ClientInfo): Promise<ConsoleTokens> {
  const { username, password, now } = props;
  const staff = await StaffUser.findOne({ username: username.trim().toLowerCase() });
  if (!staff) {
    await verifyPassword(password, undefined);
    throw wrongCredentials();
  }
  const budget = loginBudget(staff);
  const attempt = await takeAttempt(budget, now);
  if (attempt.kind === 'locked') throw locked(attempt.until);
  const ok = (await verifyPassword(password, staff.passwordHash)) && staff.active;
  const settled = await settleAttempt(budget, attempt, ok, now);
  if ('lockedUntil' in settled) throw locked(settled.lockedUntil);
  if (!ok) throw wrongCredentials();
  await StaffUser.updateOne({ _id: staff._id }, { $set: { lastLoginAt: now } });
  return openSession(staff, crypto.randomUUID(), now, props);
}

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation). The old token is claimed with
 * a conditional update, so two concurrent uses cannot both succeed. A token that was already rotated or revoked
 * revokes its whole family: someone else holds a copy.
 */
export async function refreshSession(props: { refreshToken: string; now: Date } & ClientInfo): Promise<ConsoleTokens> {
  const { refreshToken, now } = props;
  const session = await Session.findOne({ tokenHash: digest(refreshToken) }).lean();
  if (!session) throw invalidRefresh();
  if (session.rotatedAt || session.revokedAt) {
    await Session.updateMany({ familyId: session.familyId, revokedAt: { $exists: false } }, { $set: { revokedAt: now } });
    throw invalidRefresh();
  }
  if (session.expiresAt <= now) throw invalidRefresh();
  const claimed = await Session.updateOne(
    { _id: session._id, rotatedAt: { $exists: false }, revokedAt: { $exists: false } },
    { $set: { rotatedAt: now } },
  );
  if (claimed.modifiedCount !== 1) throw invalidRefresh();
  const staff = await StaffUser.findById(session.staffUserId);
  if (!staff || !staff.active) throw invalidRefresh();
  return openSession(staff, session.familyId, now, props);
}

/**
 * Revokes the session family a refresh token belongs to (sign out on this device). Only the owner's tokens are
 * touched; an unknown token changes nothing, so signing out twice is fine.
 */
export async function signOut(props: { refreshToken: string; staffUserId: string; now: Date }): Promise<void> {
  const session = await Session.findOne({ tokenHash: digest(props.refreshToken) }).lean();
  if (!session || String(session.staffUserId) !== props.staffUserId) return;
  await Session.updateMany({ familyId: session.familyId, revokedAt: { $exists: false } }, { $set: { revokedAt: props.now } });
}
