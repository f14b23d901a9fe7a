import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { buildStaffUser, buildVillager } from '../helpers/factories';
import { StaffUser } from '../../models/staffUser';
import { Session } from '../../models/session';
import { LOCKOUT_MS, MAX_FAILED_LOGINS, signInWithPassword } from '../../domain/auth/consoleSession';
import { verifyAccessToken } from '../../domain/auth/accessToken';
import { ConsoleTokensView, MeView } from '../../api/routes/auth/schema';

useTestDatabase();
const server = useTestServer();

const PASSWORD = 'correct horse battery';
const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

async function login(username: string, password: string) {
  return server().request('/api/auth/login', { method: 'POST', json: { username, password } });
}
const tokensOf = async (res: Response) => bodyOf(res, ConsoleTokensView);

describe('POST /api/auth/login', () => {
  it('refuses input without a username, naming the field', async () => {
    const res = await server().request('/api/auth/login', { method: 'POST', json: { username: '', password: 'x' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_input', message: '「用户名」至少要 1 个字', details: { fields: ['username'] } },
    });
  });

  it('refuses unknown fields', async () => {
    const res = await server().request('/api/auth/login', {
      method: 'POST',
      json: { username: 'a', password: 'b', role: 'district_admin' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('有不认识的字段：role');
  });

  it('answers the same 401 for an unknown user and a wrong password, and counts the wrong password', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    const unknown = await login('nobody-here', PASSWORD);
    const wrong = await login(staff.username, 'wrong password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect((await StaffUser.findById(staff._id).lean())?.failedLogins).toBe(1);
  });

  it('signs in with the right password: tokens, a stored hashed session, counters reset', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD, role: 'district_admin', regionCode: '500113000000' });
    await login(staff.username, 'wrong password');
    const res = await login(staff.username.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const body = ConsoleTokensView.parse(JSON.parse(text));
    expect(body.expiresIn).toBe(3600);
    expect(body.staff).toMatchObject({ id: staff.id, role: 'district_admin', canUseConsole: true, wechatLinked: false });
    expect(text).not.toMatch(/passwordHash|failedLogins/);
    expect(verifyAccessToken(body.accessToken)).toMatchObject({ kind: 'staff', id: staff.id, regionCode: '500113000000' });
    const sessions = await Session.find({ staffUserId: staff._id }).lean();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.tokenHash).toBe(sha256(body.refreshToken));
    const stored = await StaffUser.findById(staff._id).lean();
    expect(stored?.failedLogins).toBe(0);
    expect(stored?.lastLoginAt).toBeInstanceOf(Date);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await login(staff.username, `wrong ${i}`)).status).toBe(401);
    const before = Date.now();
    const fifth = await login(staff.username, 'wrong 5');
    expect(fifth.status).toBe(423);
    const error = await errorOf(fifth);
    expect(error.code).toBe('account_locked');
    expect(error.message).toMatch(/^密码连续输错 5 次，账号已锁定，请在 \d{2}:\d{2} 以后再试$/);
    const stored = await StaffUser.findById(staff._id).lean();
    expect(stored?.lockedUntil?.getTime()).toBeGreaterThanOrEqual(before + LOCKOUT_MS);
    expect(stored?.lockedUntil?.getTime()).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS);
    expect((await login(staff.username, PASSWORD)).status).toBe(423);
    expect(await Session.countDocuments({ staffUserId: staff._id })).toBe(0);
  });

  it('lets the person in again once the lock has passed (time as a parameter)', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    const t0 = new Date('2024-07-01T02:00:00Z');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await expect(signInWithPassword({ username: staff.username, password: 'nope', now: t0 })).rejects.toMatchObject({
        status: i < 4 ? 401 : 423,
      });
    }
    const during = new Date(t0.getTime() + LOCKOUT_MS - 1000);
    await expect(signInWithPassword({ username: staff.username, password: PASSWORD, now: during })).rejects.toMatchObject({
      code: 'account_locked',
      message: '密码连续输错 5 次，账号已锁定，请在 10:15 以后再试',
    });
    const after = new Date(t0.getTime() + LOCKOUT_MS + 1000);
    const tokens = await signInWithPassword({ username: staff.username, password: PASSWORD, now: after });
    expect(tokens.staff.id).toBe(staff.id);
    expect((await StaffUser.findById(staff._id).lean())?.lockedUntil).toBeUndefined();
  });

  it('refuses a disabled account with the same 401', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD, active: false });
    const res = await login(staff.username, PASSWORD);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('invalid_credentials');
  });
});

describe('POST /api/auth/refresh', () => {
  async function signedIn() {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    const body = await tokensOf(await login(staff.username, PASSWORD));
    return { staff, refreshToken: String(body.refreshToken) };
  }
  const refresh = (refreshToken: unknown) => server().request('/api/auth/refresh', { method: 'POST', json: { refreshToken } });

  it('refuses a missing token, naming the field', async () => {
    const res = await server().request('/api/auth/refresh', { method: 'POST', json: {} });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「刷新令牌」必须填写');
  });

  it('answers 401 for a token it never issued', async () => {
    const res = await refresh(crypto.randomBytes(32).toString('base64url'));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('invalid_refresh_token');
  });

  it('rotates: a new pair, the old session marked, both in one family', async () => {
    const { staff, refreshToken } = await signedIn();
    const res = await refresh(refreshToken);
    expect(res.status).toBe(200);
    const body = await tokensOf(res);
    expect(body.refreshToken).not.toBe(refreshToken);
    expect(verifyAccessToken(body.accessToken)).toMatchObject({ id: staff.id });
    const old = await Session.findOne({ tokenHash: sha256(refreshToken) }).lean();
    const fresh = await Session.findOne({ tokenHash: sha256(body.refreshToken) }).lean();
    expect(old?.rotatedAt).toBeInstanceOf(Date);
    expect(fresh?.familyId).toBe(old?.familyId);
    expect(fresh?.revokedAt).toBeUndefined();
  });

  it('treats reuse of a rotated token as theft and revokes the whole family', async () => {
    const { refreshToken } = await signedIn();
    const next = (await tokensOf(await refresh(refreshToken))).refreshToken;
    expect((await refresh(refreshToken)).status).toBe(401);
    const res = await refresh(next);
    expect(res.status).toBe(401);
    const family = await Session.find({ tokenHash: { $in: [sha256(refreshToken), sha256(next)] } }).lean();
    expect(family.every((s) => s.revokedAt instanceof Date)).toBe(true);
  });
});

describe('POST /api/auth/logout', () => {
  it('needs a signed-in staff member', async () => {
    const res = await server().request('/api/auth/logout', { method: 'POST', json: { refreshToken: 'x'.repeat(43) } });
    expect(res.status).toBe(401);
  });

  it('refuses a missing token', async () => {
    const { token } = await buildStaffUser();
    const res = await server().request('/api/auth/logout', { method: 'POST', token, json: {} });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「刷新令牌」必须填写');
  });

  it('revokes the session, after which the refresh token is dead', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    const body = await tokensOf(await login(staff.username, PASSWORD));
    const res = await server().request('/api/auth/logout', {
      method: 'POST',
      token: body.accessToken,
      json: { refreshToken: body.refreshToken },
    });
    expect(res.status).toBe(204);
    expect((await Session.findOne({ tokenHash: sha256(body.refreshToken) }).lean())?.revokedAt).toBeInstanceOf(Date);
    expect((await server().request('/api/auth/refresh', { method: 'POST', json: { refreshToken: body.refreshToken } })).status).toBe(401);
  });

  it('cannot sign someone else out', async () => {
    const { staff } = await buildStaffUser({ password: PASSWORD });
    const body = await tokensOf(await login(staff.username, PASSWORD));
    const other = await buildStaffUser();
    const res = await server().request('/api/auth/logout', {
      method: 'POST',
      token: other.token,
      json: { refreshToken: body.refreshToken },
    });
    expect(res.status).toBe(204);
    expect((await Session.findOne({ tokenHash: sha256(body.refreshToken) }).lean())?.revokedAt).toBeUndefined();
  });
});

describe('GET /api/auth/me', () => {
  it('needs a token', async () => {
    expect((await server().request('/api/auth/me')).status).toBe(401);
  });

  it('refuses a forged token', async () => {
    const res = await server().request('/api/auth/me', { token: 'not.a.token' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('invalid_token');
  });

  it('describes a staff member without secrets', async () => {
    const { staff, token } = await buildStaffUser({
      role: 'grid_worker',
      regionCode: '500113109200',
      wechatOpenId: `o-${crypto.randomUUID()}`,
    });
    const res = await server().request('/api/auth/me', { token });
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = MeView.parse(JSON.parse(text));
    expect(body).toEqual({
      kind: 'staff',
      villager: null,
      staff: expect.objectContaining({
        id: staff.id,
        role: 'grid_worker',
        regionCode: '500113109200',
        wechatLinked: true,
        canUseConsole: false,
      }),
    });
    expect(text).not.toContain(staff.wechatOpenId ?? '-');
  });

  it('describes a villager', async () => {
    const { contact, token } = await buildVillager();
    const res = await server().request('/api/auth/me', { token });
    expect(await res.json()).toEqual({ kind: 'villager', staff: null, villager: { contactId: contact.id, name: null, householdId: null } });
  });
});
