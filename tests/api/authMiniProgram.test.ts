import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { MiniProgramTokenView } from '../../api/routes/auth/schema';
import { wxLogin } from '../helpers/fakeWechat';
import { buildStaffUser, REGIONS } from '../helpers/factories';
import { Contact } from '../../models/contact';
import { verifyAccessToken } from '../../domain/auth/accessToken';
import { jscode2session, WechatError } from '../../wechat/miniProgram';
import { wechatErrorToDomain } from '../../domain/auth/signInWithMiniProgram';

useTestDatabase();
const server = useTestServer();

const newOpenId = (): string => `o${crypto.randomBytes(12).toString('base64url')}`;
const signIn = (code: unknown) => server().request('/api/auth/miniprogram', { method: 'POST', json: { code } });

describe('POST /api/auth/miniprogram', () => {
  it('refuses a missing code, naming the field', async () => {
    const res = await server().request('/api/auth/miniprogram', { method: 'POST', json: {} });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「登录凭证」必须填写');
  });

  it('signs a new villager in as a mini-program contact, without WeChat session key', async () => {
    const openId = newOpenId();
    const res = await signIn(await wxLogin(openId));
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = MiniProgramTokenView.parse(JSON.parse(text));
    expect(JSON.parse(text)).toEqual({
      accessToken: expect.any(String),
      expiresIn: 3600,
      kind: 'villager',
      role: null,
      householdLinked: false,
    });
    expect(text).not.toMatch(/session_key|sessionKey/);
    const contact = await Contact.findOne({ channel: 'miniprogram', externalId: openId }).lean();
    expect(contact).not.toBeNull();
    expect(JSON.stringify(contact)).not.toMatch(/session/i);
    expect(verifyAccessToken(body.accessToken)).toEqual({ kind: 'villager', contactId: contact?._id.toString() });
  });

  it('finds the same contact on the next sign-in', async () => {
    const openId = newOpenId();
    await signIn(await wxLogin(openId));
    const second = await bodyOf(await signIn(await wxLogin(openId)), MiniProgramTokenView);
    const contacts = await Contact.find({ channel: 'miniprogram', externalId: openId }).lean();
    expect(contacts).toHaveLength(1);
    expect(verifyAccessToken(second.accessToken)).toMatchObject({ contactId: contacts[0]?._id.toString() });
  });

  it('signs a linked grid worker in as staff', async () => {
    const openId = newOpenId();
    const { staff } = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba, wechatOpenId: openId });
    const body = await bodyOf(await signIn(await wxLogin(openId)), MiniProgramTokenView);
    expect(body).toMatchObject({ kind: 'staff', role: 'grid_worker', householdLinked: false });
    expect(verifyAccessToken(body.accessToken)).toMatchObject({ kind: 'staff', id: staff.id, regionCode: REGIONS.zhongba });
    expect(await Contact.countDocuments({ externalId: openId })).toBe(0);
  });

  it('refuses a disabled staff account', async () => {
    const openId = newOpenId();
    await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba, wechatOpenId: openId, active: false });
    const res = await signIn(await wxLogin(openId));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('account_disabled');
  });

  it('answers 400 for a code WeChat does not know (40029)', async () => {
    const res = await signIn('made-up-code');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'wechat_code_invalid', message: '微信登录凭证无效，请重新打开小程序再试' } });
  });

  it('answers 400 for a code used twice (40163), and creates nothing the second time', async () => {
    const openId = newOpenId();
    const code = await wxLogin(openId);
    expect((await signIn(code)).status).toBe(200);
    const res = await signIn(code);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('wechat_code_used');
    expect(await Contact.countDocuments({ externalId: openId })).toBe(1);
  });

  it.each([
    [45011, 429, 'wechat_rate_limited'],
    [40226, 403, 'wechat_user_blocked'],
    [-1, 503, 'wechat_busy'],
    [40001, 502, 'wechat_unavailable'],
  ])('maps WeChat error %i to %i %s and stores no contact', async (errcode, status, code) => {
    const openId = newOpenId();
    const res = await signIn(await wxLogin(openId, { errcode }));
    expect(res.status).toBe(status);
    expect((await errorOf(res)).code).toBe(code);
    expect(await Contact.countDocuments({ externalId: openId })).toBe(0);
  });

  it('answers 502 when WeChat answers with an HTTP error', async () => {
    const res = await signIn(await wxLogin(newOpenId(), { httpStatus: 502 }));
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: { code: 'wechat_unavailable', message: '暂时连不上微信登录服务，请稍后再试' } });
  });
});

describe('wechat/miniProgram jscode2session', () => {
  it('reports an unreachable server as such, which the API answers with 502', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const failure = await jscode2session('x', { apiBase: 'http://127.0.0.1:9', appId: 'a', secret: 's', timeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(WechatError);
    expect(failure).toMatchObject({ kind: 'unreachable' });
    expect(wechatErrorToDomain(new WechatError('unreachable', 'x'))).toMatchObject({ status: 502, code: 'wechat_unavailable' });
  });

  it('refuses to call WeChat without an app id', async () => {
    await expect(jscode2session('x', { apiBase: 'http://127.0.0.1:9' })).rejects.toMatchObject({ kind: 'not_configured' });
  });
});
