import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { InvitationResponse, StaffPage, StaffResponse } from '../../api/routes/staff/schema';
import { buildStaffUser, REGIONS, type BuiltStaff } from '../helpers/factories';
import { importRegions } from '../../domain/regions/importRegions';
import { INVITATION_TTL_MS } from '../../domain/staff/invitations';
import { StaffUser } from '../../models/staffUser';
import { StaffInvitation } from '../../models/staffInvitation';
import { AuditLog } from '../../models/auditLog';

useTestDatabase();
const server = useTestServer();

let admin: BuiltStaff;
let mudong: BuiltStaff;
let dongwenquan: BuiltStaff;
let gridWorker: BuiltStaff;

beforeAll(async () => {
  await importRegions();
  admin = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
  mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
  dongwenquan = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
  gridWorker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
});

const post = (path: string, token: string | undefined, json: unknown) => server().request(path, { method: 'POST', token, json });
const auditOf = (id: string) => AuditLog.find({ 'target.type': 'staffUser', 'target.id': id }).lean();

describe('POST /api/staff', () => {
  const newGridWorker = { name: '陈网格', role: 'grid_worker', regionCode: REGIONS.zhongba, phone: '13800001111' };

  it('needs a token', async () => {
    expect((await post('/api/staff', undefined, newGridWorker)).status).toBe(401);
  });

  it('names a missing field', async () => {
    const res = await post('/api/staff', mudong.token, { role: 'grid_worker', regionCode: REGIONS.zhongba });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「姓名」必须填写');
  });

  it('refuses grid workers and other towns', async () => {
    expect((await post('/api/staff', gridWorker.token, newGridWorker)).status).toBe(403);
    const res = await post('/api/staff', dongwenquan.token, newGridWorker);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('您只能为本镇街的村（社区）新建网格员或村干部');
    const promote = await post('/api/staff', mudong.token, { ...newGridWorker, role: 'district_admin', regionCode: REGIONS.district });
    expect(promote.status).toBe(403);
  });

  it('checks the region fits the role', async () => {
    const res = await post('/api/staff', mudong.token, { ...newGridWorker, regionCode: REGIONS.mudong });
    expect(res.status).toBe(403);
    const admins = await post('/api/staff', admin.token, { ...newGridWorker, regionCode: REGIONS.mudong });
    expect(admins.status).toBe(400);
    expect(await errorOf(admins)).toEqual({ code: 'region_level_mismatch', message: '「所属地区」应该是村（社区）一级' });
  });

  it('needs username and password for console roles', async () => {
    const res = await post('/api/staff', admin.token, { name: '镇长', role: 'town_official', regionCode: REGIONS.mudong });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('这个岗位在电脑端登录，「用户名」和「密码」必须填写');
  });

  it('creates a grid worker of the town, phone sealed, audited', async () => {
    const res = await post('/api/staff', mudong.token, newGridWorker);
    expect(res.status).toBe(201);
    const { staff } = await bodyOf(res, StaffResponse);
    expect(staff).toMatchObject({
      name: '陈网格',
      role: 'grid_worker',
      regionLevel: 'village',
      phone: '138****1111',
      wechatLinked: false,
      canUseConsole: false,
    });
    const stored = await StaffUser.findById(staff.id).lean();
    expect(JSON.stringify(stored)).not.toContain('13800001111');
    expect(await auditOf(staff.id)).toEqual([
      expect.objectContaining({ action: 'staff.create', actor: expect.objectContaining({ id: mudong.actor.id }) }),
    ]);
  });

  it('creates a console account with a hashed password, and refuses a taken username', async () => {
    const input = {
      name: '民政科',
      role: 'department',
      department: '民政',
      regionCode: REGIONS.district,
      username: 'MinZheng01',
      password: 'a long password 1',
    };
    const res = await post('/api/staff', admin.token, input);
    expect(res.status).toBe(201);
    const stored = await StaffUser.findOne({ username: 'minzheng01' }).lean();
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain('a long password 1');
    const again = await post('/api/staff', admin.token, input);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('username_taken');
  });
});

describe('GET /api/staff', () => {
  it('needs a token', async () => {
    expect((await server().request('/api/staff')).status).toBe(401);
  });

  it('refuses a wrong role filter', async () => {
    const res = await server().request('/api/staff?role=boss', { token: admin.token });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/^「岗位」只能是：/);
  });

  it('keeps a town official to their town', async () => {
    const body = await bodyOf(await server().request('/api/staff?pageSize=100', { token: dongwenquan.token }), StaffPage);
    expect(body.items.every((s) => s.regionCode.startsWith('500113114'))).toBe(true);
    expect(body.items.map((s) => s.id)).toContain(dongwenquan.actor.id);
    const res = await server().request(`/api/staff?role=grid_worker&regionCode=${REGIONS.zhongba}`, { token: mudong.token });
    const text = await res.text();
    const mudongList = StaffPage.parse(JSON.parse(text));
    expect(mudongList.items.map((s) => s.id)).toContain(gridWorker.actor.id);
    expect(text).not.toMatch(/passwordHash|wechatOpenId/);
  });

  it('is for officials only', async () => {
    expect((await server().request('/api/staff', { token: gridWorker.token })).status).toBe(403);
  });
});

describe('POST /api/staff/invitations', () => {
  it('needs a token', async () => {
    expect((await post('/api/staff/invitations', undefined, { staffUserId: gridWorker.actor.id })).status).toBe(401);
  });

  it('refuses a malformed id', async () => {
    const res = await post('/api/staff/invitations', mudong.token, { staffUserId: 'x' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「工作人员」格式不对');
  });

  it('answers 404 for a grid worker of another town, and issues nothing', async () => {
    const res = await post('/api/staff/invitations', dongwenquan.token, { staffUserId: gridWorker.actor.id });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('staff_not_found');
    expect(await StaffInvitation.countDocuments({ staffUserId: gridWorker.staff._id })).toBe(0);
  });

  it('invites only mini-program roles', async () => {
    const res = await post('/api/staff/invitations', admin.token, { staffUserId: mudong.actor.id });
    expect(res.status).toBe(403);
  });

  it('issues a one-time code, stored only as a keyed hash, valid 7 days; a new code voids the old', async () => {
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.taohuadao });
    const before = Date.now();
    const first = await bodyOf(await post('/api/staff/invitations', mudong.token, { staffUserId: worker.actor.id }), InvitationResponse);
    const res = await post('/api/staff/invitations', mudong.token, { staffUserId: worker.actor.id });
    expect(res.status).toBe(201);
    const body = await bodyOf(res, InvitationResponse);
    expect(body.invitationCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_MS);
    const stored = await StaffInvitation.find({ staffUserId: worker.staff._id }).sort({ createdAt: 1 }).lean();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(body.invitationCode.replace('-', ''));
    expect(stored[0]?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(first.invitationCode).not.toBe(body.invitationCode);
    expect(await auditOf(worker.actor.id)).toHaveLength(2);
  });

  it('refuses someone already linked to WeChat', async () => {
    const linked = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba, wechatOpenId: 'o-linked-already' });
    const res = await post('/api/staff/invitations', admin.token, { staffUserId: linked.actor.id });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('staff_already_linked');
  });
});
