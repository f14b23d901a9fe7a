import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { HouseholdPage, HouseholdResponse, RevealResponse } from '../../api/routes/households/schema';
import { buildHousehold, buildStaffUser, buildVillager, fakeIdNumber, fakePhone, REGIONS, type BuiltStaff } from '../helpers/factories';
import { importRegions } from '../../domain/regions/importRegions';
import { Household } from '../../models/household';
import { AuditLog } from '../../models/auditLog';
import { hashPii, openPii } from '../../lib/pii';

useTestDatabase();
const server = useTestServer();

let admin: BuiltStaff;
let mudong: BuiltStaff;
let dongwenquan: BuiltStaff;
let gridWorker: BuiltStaff;
let cadre: BuiltStaff;
let banker: BuiltStaff;

beforeAll(async () => {
  await importRegions();
  admin = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
  mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
  dongwenquan = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
  gridWorker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
  cadre = await buildStaffUser({ role: 'village_cadre', regionCode: REGIONS.zhongba });
  banker = await buildStaffUser({ role: 'bank_officer', regionCode: REGIONS.district });
});

const post = (path: string, token: string | undefined, json: unknown) => server().request(path, { method: 'POST', token, json });
const patch = (path: string, token: string | undefined, json: unknown) => server().request(path, { method: 'PATCH', token, json });
const search = async (query: string, token: string) => bodyOf(await server().request(`/api/households${query}`, { token }), HouseholdPage);
const auditOf = (id: string) => AuditLog.find({ 'target.type': 'household', 'target.id': id }).sort({ at: 1 }).lean();

function newHousehold(overrides: Record<string, unknown> = {}) {
  return {
    householdNo: `NEW-${Math.random().toString(36).slice(2, 10)}`,
    villageCode: REGIONS.zhongba,
    head: { name: '王大山', idNumber: fakeIdNumber(), phone: fakePhone(), health: '糖尿病' },
    members: [{ name: '王小山', relation: '子', idNumber: fakeIdNumber() }],
    categories: ['脱贫户'],
    bankAccount: '6228 4800 1234 5678 901',
    ...overrides,
  };
}

describe('POST /api/households', () => {
  it('needs a token', async () => {
    expect((await post('/api/households', undefined, newHousehold())).status).toBe(401);
  });

  it('names the wrong field in Chinese and stores nothing', async () => {
    const input = newHousehold({ householdNo: 'BAD-1', head: { name: '王大山', idNumber: '12345' } });
    const res = await post('/api/households', mudong.token, input);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'invalid_input', message: '「身份证号」格式不对', details: { fields: ['head.idNumber'] } });
    expect(await Household.countDocuments({ householdNo: 'BAD-1' })).toBe(0);
  });

  it('refuses unknown fields, so nothing unchecked reaches the database', async () => {
    const res = await post('/api/households', mudong.token, newHousehold({ townCode: REGIONS.dongwenquan }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('有不认识的字段：townCode');
  });

  it('refuses a town official registering in another town', async () => {
    const input = newHousehold({ villageCode: REGIONS.huangjinlin });
    const res = await post('/api/households', mudong.token, input);
    expect(res.status).toBe(403);
    expect(await Household.countDocuments({ householdNo: input.householdNo })).toBe(0);
  });

  it('registers: sealed personal values, masked answer, audit entry without the values', async () => {
    const input = newHousehold();
    const res = await post('/api/households', mudong.token, input);
    expect(res.status).toBe(201);
    const { household } = await bodyOf(res, HouseholdResponse);
    expect(household).toMatchObject({
      householdNo: input.householdNo,
      villageCode: REGIONS.zhongba,
      townCode: REGIONS.mudong,
      gridWorkerId: null,
    });
    expect(household.head.idNumber).toMatch(/^5001\*{10}\d{3}[\dX]$/);
    expect(household.head.health).toBe('（已隐藏）');
    expect(household.bankAccount).toBe('**** **** **** 8901');
    const stored = await Household.findById(household.id).lean();
    expect(stored?.head.idNumber?.hash).toBe(hashPii('idNumber', input.head.idNumber));
    expect(openPii(stored?.head.phone ?? { enc: '' })).toBe(input.head.phone);
    expect(JSON.stringify(stored)).not.toContain(input.head.idNumber);
    const audit = await auditOf(household.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'household.create', actor: { kind: 'staff', id: mudong.actor.id, role: 'town_official' } });
    expect(JSON.stringify(audit)).not.toContain(input.head.idNumber);
  });

  it("puts a grid worker's new household in their own grid, and refuses someone else's", async () => {
    const res = await post('/api/households', gridWorker.token, newHousehold());
    expect(res.status).toBe(201);
    expect((await bodyOf(res, HouseholdResponse)).household.gridWorkerId).toBe(gridWorker.actor.id);
    const other = await post('/api/households', gridWorker.token, newHousehold({ gridWorkerId: admin.actor.id }));
    expect(other.status).toBe(403);
  });

  it('answers 409 for a household number already registered', async () => {
    const input = newHousehold();
    expect((await post('/api/households', admin.token, input)).status).toBe(201);
    const res = await post('/api/households', admin.token, { ...input, head: { name: '另一个' } });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('household_no_taken');
  });
});

describe('GET /api/households and /api/households/:id', () => {
  it('needs a token', async () => {
    expect((await server().request('/api/households')).status).toBe(401);
  });

  it('refuses a malformed query', async () => {
    const res = await server().request('/api/households?category=富裕户', { token: mudong.token });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/^「户类别」只能是：脱贫户、/);
  });

  it('finds by ID number and phone through the hash, only inside the region', async () => {
    const { household, secrets } = await buildHousehold();
    const byId = await search(`?idNumber=${secrets.memberIdNumber}`, mudong.token);
    expect(byId.items.map((h) => h.id)).toEqual([household.id]);
    expect(byId.items[0]?.headIdNumber).not.toContain(secrets.headIdNumber.slice(4, 14));
    const byPhone = await search(`?phone=${secrets.headPhone}`, admin.token);
    expect(byPhone.total).toBe(1);
    const elsewhere = await search(`?idNumber=${secrets.memberIdNumber}`, dongwenquan.token);
    expect(elsewhere).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('finds by the start of a name, by village and by category, paginated', async () => {
    await buildHousehold({ headName: '巴南甲一', categories: ['监测对象'] });
    await buildHousehold({ headName: '巴南甲二', categories: ['监测对象'] });
    await buildHousehold({ headName: '巴南甲三', villageCode: REGIONS.taohuadao, categories: ['监测对象'] });
    const res = await server().request(`/api/households?name=巴南甲&villageCode=${REGIONS.zhongba}&category=监测对象&pageSize=1&page=2`, {
      token: mudong.token,
    });
    const body = await bodyOf(res, HouseholdPage);
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.headName).toMatch(/^巴南甲[一二]$/);
  });

  it('shows a grid worker only their grid', async () => {
    const mine = await buildHousehold({ gridWorkerId: gridWorker.actor.id, headName: '网格甲' });
    const notMine = await buildHousehold({ headName: '网格乙' });
    const body = await search('?name=网格', gridWorker.token);
    expect(body.items.map((h) => h.id)).toEqual([mine.household.id]);
    expect((await server().request(`/api/households/${notMine.household.id}`, { token: gridWorker.token })).status).toBe(404);
  });

  it('keeps bank officers out of the register', async () => {
    expect((await server().request('/api/households', { token: banker.token })).status).toBe(403);
  });

  it('answers 404 to another town, the same as for a household that does not exist', async () => {
    const { household } = await buildHousehold();
    const res = await server().request(`/api/households/${household.id}`, { token: dongwenquan.token });
    const missing = await server().request('/api/households/0123456789abcdef01234567', { token: dongwenquan.token });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(await missing.json());
  });

  it('refuses a malformed id', async () => {
    const res = await server().request('/api/households/not-an-id', { token: mudong.token });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「农户编号」格式不对');
  });

  it('shows the detail with members, every personal value masked', async () => {
    const { household, secrets } = await buildHousehold();
    const res = await server().request(`/api/households/${household.id}`, { token: cadre.token });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    const body = JSON.parse(text);
    expect(body.household.members).toHaveLength(1);
    expect(body.household.head.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(body.household.head.health).toBe('（已隐藏）');
  });

  it("shows a villager their own household and nobody else's", async () => {
    const own = await buildHousehold();
    const other = await buildHousehold();
    const { token } = await buildVillager({ householdId: own.household.id });
    expect((await server().request(`/api/households/${own.household.id}`, { token })).status).toBe(200);
    expect((await server().request(`/api/households/${other.household.id}`, { token })).status).toBe(404);
    expect((await server().request('/api/households', { token })).status).toBe(403);
  });
});

describe('PATCH /api/households/:id', () => {
  it('needs a token', async () => {
    const { household } = await buildHousehold();
    expect((await patch(`/api/households/${household.id}`, undefined, { address: '二组' })).status).toBe(401);
  });

  it('refuses an empty change', async () => {
    const { household } = await buildHousehold();
    const res = await patch(`/api/households/${household.id}`, mudong.token, {});
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('没有要修改的内容');
  });

  it('answers 404 to another town and changes nothing', async () => {
    const { household } = await buildHousehold();
    const res = await patch(`/api/households/${household.id}`, dongwenquan.token, { address: '被改了' });
    expect(res.status).toBe(404);
    expect((await Household.findById(household.id).lean())?.address).toBe('一组 12 号');
    expect(await auditOf(household.id)).toHaveLength(0);
  });

  it('lets cadres read but not change', async () => {
    const { household } = await buildHousehold();
    expect((await patch(`/api/households/${household.id}`, cadre.token, { address: '二组' })).status).toBe(403);
  });

  it('keeps personal values not sent, removes those sent as null, and audits field names only', async () => {
    const { household, secrets } = await buildHousehold({ memberName: '李四', gridWorkerId: gridWorker.actor.id });
    const newPhone = fakePhone();
    const res = await patch(`/api/households/${household.id}`, gridWorker.token, {
      address: '三组 5 号',
      head: { phone: newPhone, health: null },
      members: [{ name: '李四', relation: '女' }],
      bankAccount: null,
    });
    expect(res.status).toBe(200);
    const stored = await Household.findById(household.id).lean();
    expect(stored?.address).toBe('三组 5 号');
    expect(openPii(stored?.head.phone ?? { enc: '' })).toBe(newPhone);
    expect(openPii(stored?.head.idNumber ?? { enc: '' })).toBe(secrets.headIdNumber);
    expect(stored?.head.health).toBeUndefined();
    expect(stored?.members[0]?.relation).toBe('女');
    expect(openPii(stored?.members[0]?.idNumber ?? { enc: '' })).toBe(secrets.memberIdNumber);
    expect(stored?.bankAccount).toBeUndefined();
    const [entry] = await auditOf(household.id);
    expect(entry).toMatchObject({ action: 'household.update', details: { fields: ['address', 'head', 'members', 'bankAccount'] } });
    expect(JSON.stringify(entry)).not.toContain(newPhone);
  });

  it('lets officials assign a grid worker of the village, but not the grid worker themself', async () => {
    const { household } = await buildHousehold({ gridWorkerId: gridWorker.actor.id });
    const other = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    expect((await patch(`/api/households/${household.id}`, gridWorker.token, { gridWorkerId: other.actor.id })).status).toBe(403);
    const wrongVillage = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.taohuadao });
    const bad = await patch(`/api/households/${household.id}`, mudong.token, { gridWorkerId: wrongVillage.actor.id });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('invalid_grid_worker');
    const ok = await patch(`/api/households/${household.id}`, mudong.token, { gridWorkerId: other.actor.id });
    expect(ok.status).toBe(200);
    expect((await Household.findById(household.id).lean())?.gridWorkerId?.toString()).toBe(other.actor.id);
  });
});

describe('POST /api/households/:id/reveal', () => {
  it('needs a token', async () => {
    const { household } = await buildHousehold();
    expect((await post(`/api/households/${household.id}/reveal`, undefined, { reason: '入户核查' })).status).toBe(401);
  });

  it('needs a reason', async () => {
    const { household } = await buildHousehold();
    const res = await post(`/api/households/${household.id}/reveal`, mudong.token, { reason: '看' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「查看原因」至少要 4 个字');
    expect(await auditOf(household.id)).toHaveLength(0);
  });

  it('answers 404 to another town, 403 to a cadre, and logs neither', async () => {
    const { household } = await buildHousehold();
    expect((await post(`/api/households/${household.id}/reveal`, dongwenquan.token, { reason: '想看一下' })).status).toBe(404);
    expect((await post(`/api/households/${household.id}/reveal`, cadre.token, { reason: '民主评议需要' })).status).toBe(403);
    expect(await auditOf(household.id)).toHaveLength(0);
  });

  it('returns the plain values and records who, why and which kinds', async () => {
    const { household, secrets } = await buildHousehold({ gridWorkerId: gridWorker.actor.id });
    const res = await post(`/api/households/${household.id}/reveal`, gridWorker.token, { reason: '入户核查需电话联系户主' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await bodyOf(res, RevealResponse);
    expect(body.head).toMatchObject({ idNumber: secrets.headIdNumber, phone: secrets.headPhone, health: '高血压', disability: null });
    expect(body.members[0]?.idNumber).toBe(secrets.memberIdNumber);
    expect(body.bankAccount).toBe(secrets.bankAccount);
    const audit = await auditOf(household.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'household.reveal',
      actor: { kind: 'staff', id: gridWorker.actor.id, role: 'grid_worker' },
      details: { reason: '入户核查需电话联系户主', fields: ['idNumber', 'phone', 'health', 'bankAccount'], people: 2 },
    });
    expect(audit[0]?.requestId).toBe(res.headers.get('x-request-id'));
    expect(JSON.stringify(audit)).not.toContain(secrets.headIdNumber);
  });
});
