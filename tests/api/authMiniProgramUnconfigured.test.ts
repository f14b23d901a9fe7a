import '../helpers/withoutWechatCredentials';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { wxLogin } from '../helpers/fakeWechat';
import { getConfig } from '../../config';
import { Contact } from '../../models/contact';

useTestDatabase();
const server = useTestServer();

describe('POST /api/auth/miniprogram without WECHAT_MP_APPID / WECHAT_MP_SECRET', () => {
  it('answers 503 wechat_not_configured in Chinese and stores nothing', async () => {
    expect(getConfig().WECHAT_MP_APPID).toBeUndefined();
    const code = await wxLogin('o-unconfigured');
    const res = await server().request('/api/auth/miniprogram', { method: 'POST', json: { code } });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'wechat_not_configured', message: '小程序登录还没有配置好，请联系管理员' } });
    expect(await Contact.countDocuments({})).toBe(0);
  });
});
