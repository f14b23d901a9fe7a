import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { buildStaffUser, REGIONS, type BuiltStaff } from '../helpers/factories';
import { recordAudit } from '../../domain/core/recordAudit';
import { AuditLog } from '../../models/auditLog';
import { AuditPage } from '../../api/routes/audit/schema';

useTestDatabase();
const server = useTestServer();

let admin: BuiltStaff;
let mudong: BuiltStaff;

beforeAll(async () => {
  admin = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
  mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
  // Beijing 2024-07-01 23:30 and 2024-07-02 00:30: two different Beijing days, one UTC day.
  await recordAudit({
    actor: mudong.actor,
    action: 'household.reveal',
    target: { type: 'household', id: 'h1' },
    requestId: 'r1',
    ip: '127.0.0.1',
    details: { reason: '核查' },
    at: new Date('2024-07-01T15:30:00Z'),
  });
  await recordAudit({
    actor: admin.actor,
    action: 'household.update',
    target: { type: 'household', id: 'h1' },
    details: { fields: ['address'] },
    at: new Date('2024-07-01T16:30:00Z'),
  });
  await recordAudit({
    actor: { kind: 'villager', contactId: 'c1' },
    action: 'report.create',
    target: { type: 'report', id: 'r9' },
    at: new Date('2024-07-03T02:00:00Z'),
  });
});

const list = (query: string, token: string = admin.token) => server().request(`/api/audit${query}`, { token });
const page = async (query: string) => bodyOf(await list(query), AuditPage);
const actions = (p: { items: { action: string }[] }) => p.items.map((e) => e.action);

describe('GET /api/audit', () => {
  it('needs a token', async () => {
    expect((await server().request('/api/audit')).status).toBe(401);
  });

  it('is for district admins only', async () => {
    const res = await list('', mudong.token);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('只有区管理员可以查看审计日志');
  });

  it('names a malformed filter', async () => {
    const res = await list('?action=DROP TABLE');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「操作」格式不对');
    const unknown = await list('?details.reason=x');
    expect(unknown.status).toBe(400);
  });

  it('lists newest first with every field, villagers recorded as their contact', async () => {
    const raw: unknown = await (await list('')).json();
    const body = AuditPage.parse(raw);
    expect(body.total).toBe(3);
    expect(actions(body)).toEqual(['report.create', 'household.update', 'household.reveal']);
    expect(body.items[0]?.actor).toEqual({ kind: 'contact', id: 'c1', role: null, name: null });
    // On the raw answer: toEqual then also fails on any field the presenter should not have sent.
    expect(raw).toHaveProperty(['items', 2], {
      id: expect.any(String),
      at: '2024-07-01T15:30:00.000Z',
      actor: { kind: 'staff', id: mudong.actor.id, role: 'town_official', name: mudong.actor.name },
      action: 'household.reveal',
      target: { type: 'household', id: 'h1' },
      requestId: 'r1',
      ip: '127.0.0.1',
      details: { reason: '核查' },
    });
  });

  it('filters by actor, action, target and Beijing day, and pages', async () => {
    expect(actions(await page(`?actorId=${mudong.actor.id}`))).toEqual(['household.reveal']);
    expect((await page('?action=household.update')).total).toBe(1);
    expect((await page('?targetType=household&targetId=h1')).total).toBe(2);
    expect(actions(await page('?from=2024-07-02&to=2024-07-02'))).toEqual(['household.update']);
    expect(await page('?pageSize=1&page=3')).toMatchObject({
      total: 3,
      page: 3,
      pageSize: 1,
      items: [expect.objectContaining({ action: 'household.reveal' })],
    });
  });

  it('offers no way to change or delete an entry', async () => {
    const [entry] = await AuditLog.find().limit(1).lean();
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await server().request(`/api/audit/${entry?._id.toString()}`, { method, token: admin.token, json: {} });
      expect([404, 405]).toContain(res.status);
    }
    expect((await server().request('/api/audit', { method: 'DELETE', token: admin.token })).status).toBe(405);
    await expect(AuditLog.deleteMany({})).rejects.toMatchObject({ code: 'record_append_only' });
    expect(await AuditLog.countDocuments()).toBe(3);
  });
});
