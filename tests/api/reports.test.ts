import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { buildHousehold, buildStaffUser, buildVillager, REGIONS } from '../helpers/factories';
import { Report } from '../../models/report';
import { DisasterEvent } from '../../models/disasterEvent';
import { fileUploader } from '../../domain/files/fileUploader';
import { auditOf, errorOf, seedRegions, uniquePng, uuid } from './submissionFixtures';

useTestDatabase();
const server = useTestServer();
beforeAll(seedRegions);

const ReportJson = z.object({
  report: z.looseObject({
    id: z.string(),
    receiptNo: z.string(),
    status: z.string(),
    townCode: z.string(),
    statusHistory: z.array(z.looseObject({ status: z.string(), reason: z.string().optional() })),
  }),
});
const PageJson = z.object({ items: z.array(z.looseObject({ id: z.string() })), hasMore: z.boolean() });

const damage = {
  people: { affected: 3 },
  houses: { collapsed: { rooms: 2, households: 1 } },
  crops: { affectedMu: 5, damagedMu: 3, failedMu: 1.5 },
  estimatedLossYuan: 12000,
};
const baseReport = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  villageCode: REGIONS.zhongba,
  disasterType: '洪涝',
  occurredAt: '2023-07-25T02:40:00+08:00',
  damage,
  ...overrides,
});
const post = (token: string | undefined, json: unknown) => server().request('/api/reports', { method: 'POST', token, json });

describe('POST /api/reports', () => {
  it('answers 401 without a token and stores nothing', async () => {
    const body = baseReport();
    const res = await post(undefined, body);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toEqual({ code: 'unauthenticated', message: '请先登录' });
    expect(await Report.exists({ _id: body.id })).toBeNull();
  });

  it('refuses crops whose 成灾 exceeds 受灾, naming the field', async () => {
    const { token } = await buildVillager();
    const body = baseReport({ damage: { crops: { affectedMu: 2, damagedMu: 3 } } });
    const res = await post(token, body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'invalid_input', message: '「农作物成灾（亩）」不能大于受灾面积' });
    expect(await Report.exists({ _id: body.id })).toBeNull();
  });

  it('refuses a village that is not in Banan and a 代报 without the villager’s consent', async () => {
    const { token } = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const unknown = await post(token, baseReport({ villageCode: '500113109299' }));
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toEqual({ code: 'unknown_village', message: '「村（社区）」不是巴南区的村或社区' });
    const noConsent = await post(token, baseReport({ onBehalf: { villagerName: '王老汉', villagerConsent: false } }));
    expect(noConsent.status).toBe(400);
    expect(await errorOf(noConsent)).toEqual({ code: 'invalid_input', message: '「村民同意代报」代报必须先征得村民本人同意' });
  });

  it('forbids a grid worker to report for a village outside their own', async () => {
    const { token } = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.taohuadao });
    const body = baseReport();
    const res = await post(token, body);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual({ code: 'forbidden', message: '只能上报自己负责区域内的灾情' });
    expect(await Report.exists({ _id: body.id })).toBeNull();
  });

  it('stores a villager’s report with the town derived, a receipt, the first status and an audit entry', async () => {
    const { household } = await buildHousehold();
    const { actor, token } = await buildVillager({ householdId: household.id });
    const body = baseReport({ needs: [{ code: 'shelter', text: '房子垮了没地方住' }], location: { lat: 29.45, lng: 106.82 } });
    const res = await post(token, body);
    expect(res.status).toBe(201);
    const { report } = ReportJson.parse(await res.json());
    expect(report).toMatchObject({ id: body.id, status: 'submitted', townCode: REGIONS.mudong, statusName: '已提交' });
    expect(report.receiptNo).toMatch(/^ZQ\d{8}-\d{4}$/);
    const stored = await Report.findById(body.id).lean();
    expect(stored).toMatchObject({
      townCode: REGIONS.mudong,
      villageCode: REGIONS.zhongba,
      gbCode: '010200',
      source: 'miniprogram',
      receiptNo: report.receiptNo,
      damage: {
        crops: { affectedMu: 5, damagedMu: 3, failedMu: 1.5 },
        houses: { collapsed: { rooms: 2, households: 1 }, severe: { rooms: 0 } },
        estimatedLossYuan: 12000,
      },
      needs: [{ code: 'shelter', text: '房子垮了没地方住' }],
    });
    expect(String(stored?.reporter.contactId)).toBe(actor.contactId);
    expect(String(stored?.householdId)).toBe(household.id);
    expect(stored?.statusHistory).toMatchObject([{ status: 'submitted', by: { kind: 'contact', id: actor.contactId } }]);
    const audit = await auditOf('report', body.id);
    expect(audit).toMatchObject([
      { action: 'report.create', actor: { kind: 'contact', id: actor.contactId }, details: { receiptNo: report.receiptNo } },
    ]);
  });

  it('is idempotent on the id: same content → 200 and the same receipt, other content → 409', async () => {
    const { token } = await buildVillager();
    const body = baseReport();
    const first = ReportJson.parse(await (await post(token, body)).json());
    const again = await post(token, { ...body, damage: { ...damage, livestock: {} } });
    expect(again.status).toBe(200);
    expect(ReportJson.parse(await again.json()).report.receiptNo).toBe(first.report.receiptNo);
    const changed = await post(token, { ...body, disasterType: '滑坡' });
    expect(changed.status).toBe(409);
    expect(await errorOf(changed)).toEqual({ code: 'report_id_conflict', message: '这个上报编号已经用过，内容却不一样：请刷新后重新填写' });
    expect(await Report.countDocuments({ _id: body.id })).toBe(1);
    expect(await auditOf('report', body.id)).toHaveLength(1);
  });

  it('stores a report sent 20 times at once exactly once, and every answer names the same receipt', async () => {
    const { token } = await buildVillager();
    const body = baseReport();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(token, body)));
    const statuses = answers.map((res) => res.status).sort((a, b) => a - b);
    expect(statuses).toEqual([...Array<number>(19).fill(200), 201]);
    const reports = await Promise.all(answers.map(async (res) => ReportJson.parse(await res.json()).report));
    expect(new Set(reports.map((r) => `${r.id} ${r.receiptNo}`)).size).toBe(1);
    expect(await Report.countDocuments({ _id: body.id })).toBe(1);
    expect(await auditOf('report', body.id)).toHaveLength(1);
  });

  it('records a grid worker’s 代报 with the villager’s consent', async () => {
    const { household } = await buildHousehold();
    const { actor, token } = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const body = baseReport({
      onBehalf: { villagerName: '王老汉', householdId: household.id, villagerConsent: true, consentNote: '电话里同意' },
    });
    const res = await post(token, body);
    expect(res.status).toBe(201);
    const stored = await Report.findById(body.id).lean();
    expect(stored?.reporter.name).toBe('王老汉');
    expect(String(stored?.householdId)).toBe(household.id);
    expect(stored?.onBehalf).toMatchObject({ villagerConsent: true, consentNote: '电话里同意' });
    expect(String(stored?.onBehalf?.staffUserId)).toBe(actor.id);
    expect(await auditOf('report', body.id)).toMatchObject([
      { action: 'report.create', actor: { kind: 'staff', id: actor.id }, details: { onBehalf: true } },
    ]);
  });

  it('accepts only photos the reporter uploaded, and at least three for an event with an emergency response', async () => {
    const { actor, token } = await buildVillager();
    const other = await buildVillager();
    const mine = await Promise.all([1, 2, 3].map(() => fileUploader({ bytes: uniquePng(), actor, now: new Date() })));
    const theirs = await fileUploader({ bytes: uniquePng(), actor: other.actor, now: new Date() });
    const foreign = await post(token, baseReport({ photoIds: [mine[0]?.file.id, theirs.file.id] }));
    expect(foreign.status).toBe(400);
    expect(await errorOf(foreign)).toEqual({ code: 'photo_not_found', message: '有 1 张照片没有找到，请重新上传后再提交' });
    const event = await DisasterEvent.create({ name: '7·25 暴雨', disasterType: '洪涝', startAt: new Date(), responseLevel: 'IV' });
    const tooFew = await post(token, baseReport({ eventId: event.id, photoIds: [mine[0]?.file.id] }));
    expect(tooFew.status).toBe(400);
    expect((await errorOf(tooFew)).code).toBe('photos_required');
    const body = baseReport({ eventId: event.id, photoIds: mine.map((m) => m.file.id) });
    expect((await post(token, body)).status).toBe(201);
    expect((await Report.findById(body.id).lean())?.photos).toEqual(mine.map((m) => m.file.id));
  });
});

async function fileReport(regionVillage: string = REGIONS.zhongba) {
  const { token } = await buildStaffUser({ role: 'grid_worker', regionCode: regionVillage });
  const body = baseReport({ villageCode: regionVillage });
  expect((await post(token, body)).status).toBe(201);
  return body.id;
}

describe('GET /api/reports, /mine and /:id', () => {
  it('answers 401 without a token and 400 for an unknown status', async () => {
    expect((await server().request('/api/reports')).status).toBe(401);
    const { token } = await buildStaffUser();
    const res = await server().request('/api/reports?status=lost', { token });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「状态」只能是：submitted、verifying、verified、closed、rejected、duplicate');
  });

  it('lists only the caller’s town and refuses to filter by another town', async () => {
    const here = await fileReport(REGIONS.zhongba);
    const there = await fileReport(REGIONS.huangjinlin);
    const { token } = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const page = PageJson.parse(await (await server().request('/api/reports?type=洪涝&pageSize=100', { token })).json());
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(here);
    expect(ids).not.toContain(there);
    const other = await server().request(`/api/reports?town=${REGIONS.dongwenquan}`, { token });
    expect(other.status).toBe(403);
    expect(await errorOf(other)).toEqual({ code: 'forbidden', message: '只能查看自己负责区域的记录' });
    expect((await server().request(`/api/reports/${there}`, { token })).status).toBe(404);
  });

  it('shows villagers their own reports and their status, and nobody else’s', async () => {
    const villager = await buildVillager();
    const body = baseReport();
    await post(villager.token, body);
    const someoneElse = await fileReport();
    const mine = PageJson.parse(await (await server().request('/api/reports/mine', { token: villager.token })).json());
    expect(mine.items.map((item) => item.id)).toEqual([body.id]);
    const all = PageJson.parse(await (await server().request('/api/reports', { token: villager.token })).json());
    expect(all.items.map((item) => item.id)).toEqual([body.id]);
    const detail = await server().request(`/api/reports/${body.id}`, { token: villager.token });
    expect(ReportJson.parse(await detail.json()).report).toMatchObject({ id: body.id, statusName: '已提交' });
    expect((await server().request(`/api/reports/${someoneElse}`, { token: villager.token })).status).toBe(404);
  });
});

describe('POST /api/reports/:id/assign', () => {
  it('answers 401, 400, 403 and 404 before assigning anything', async () => {
    const id = await fileReport();
    const path = `/api/reports/${id}/assign`;
    expect((await server().request(path, { method: 'POST', json: { assigneeId: 'x' } })).status).toBe(401);
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const bad = await server().request(path, { method: 'POST', token: official.token, json: { assigneeId: 'nobody' } });
    expect(await errorOf(bad)).toEqual({ code: 'invalid_input', message: '「处理人」格式不对' });
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const byWorker = await server().request(path, { method: 'POST', token: worker.token, json: { assigneeId: worker.actor.id } });
    expect(byWorker.status).toBe(403);
    const elsewhere = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
    const byOtherTown = await server().request(path, { method: 'POST', token: elsewhere.token, json: { assigneeId: elsewhere.actor.id } });
    expect(byOtherTown.status).toBe(404);
    const outside = await server().request(path, { method: 'POST', token: official.token, json: { assigneeId: elsewhere.actor.id } });
    expect(await errorOf(outside)).toEqual({ code: 'assignee_out_of_region', message: '「处理人」不负责这条上报所在的区域' });
    expect((await Report.findById(id).lean())?.assigneeId).toBeUndefined();
  });

  it('assigns to a staff member of the region and audits it', async () => {
    const id = await fileReport();
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const res = await server().request(`/api/reports/${id}/assign`, {
      method: 'POST',
      token: official.token,
      json: { assigneeId: worker.actor.id },
    });
    expect(res.status).toBe(200);
    expect(ReportJson.parse(await res.json()).report).toMatchObject({ assigneeId: worker.actor.id });
    expect(String((await Report.findById(id).lean())?.assigneeId)).toBe(worker.actor.id);
    expect((await auditOf('report', id)).at(-1)).toMatchObject({
      action: 'report.assign',
      actor: { id: official.actor.id },
      details: { to: worker.actor.id },
    });
  });
});

describe('POST /api/reports/:id/status', () => {
  const move = (id: string, token: string | undefined, json: unknown) =>
    server().request(`/api/reports/${id}/status`, { method: 'POST', token, json });

  it('answers 401, 400, 403 and 404, and refuses moves the review does not allow', async () => {
    const id = await fileReport();
    expect((await move(id, undefined, { status: 'verifying' })).status).toBe(401);
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    expect(await errorOf(await move(id, official.token, { status: 'lost' }))).toEqual({
      code: 'invalid_input',
      message: '「新状态」只能是：verifying、verified、closed、rejected、duplicate',
    });
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const closeByWorker = await move(id, worker.token, { status: 'rejected', reason: '不实' });
    expect(closeByWorker.status).toBe(403);
    expect(await errorOf(closeByWorker)).toEqual({ code: 'forbidden', message: '您的岗位不能把上报改为「未采纳」' });
    const elsewhere = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
    expect((await move(id, elsewhere.token, { status: 'verifying' })).status).toBe(404);
    const skip = await move(id, official.token, { status: 'closed' });
    expect(skip.status).toBe(409);
    expect(await errorOf(skip)).toEqual({ code: 'invalid_transition', message: '上报现在是「已提交」，不能改为「已办结」' });
    const noReason = await move(id, official.token, { status: 'rejected' });
    expect(await errorOf(noReason)).toEqual({ code: 'invalid_input', message: '「原因」必须填写' });
    expect((await Report.findById(id).lean())?.status).toBe('submitted');
  });

  it('walks submitted → verifying → verified → closed with who, when and why in the history and the audit log', async () => {
    const id = await fileReport();
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    expect((await move(id, worker.token, { status: 'verifying', reason: '到现场核查' })).status).toBe(200);
    expect((await move(id, worker.token, { status: 'verified' })).status).toBe(200);
    const closed = await move(id, official.token, { status: 'closed', reason: '已救助' });
    expect(ReportJson.parse(await closed.json()).report.statusHistory.map((e) => e.status)).toEqual([
      'submitted',
      'verifying',
      'verified',
      'closed',
    ]);
    const stored = await Report.findById(id).lean();
    expect(stored?.status).toBe('closed');
    expect(stored?.statusHistory.at(1)).toMatchObject({
      status: 'verifying',
      reason: '到现场核查',
      by: { kind: 'staff', id: worker.actor.id },
    });
    expect(stored?.statusHistory.at(3)).toMatchObject({ status: 'closed', by: { id: official.actor.id, role: 'town_official' } });
    const audit = await auditOf('report', id);
    expect(audit.filter((a) => a.action === 'report.status').map((a) => a.details)).toMatchObject([
      { from: 'submitted', to: 'verifying' },
      { from: 'verifying', to: 'verified' },
      { from: 'verified', to: 'closed', reason: '已救助' },
    ]);
  });

  it('marks a duplicate of another report in the region', async () => {
    const original = await fileReport();
    const copy = await fileReport();
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const missing = await move(copy, official.token, { status: 'duplicate', reason: '同一户重复上报' });
    expect(await errorOf(missing)).toEqual({ code: 'invalid_input', message: '「重复的上报」必须填写' });
    const res = await move(copy, official.token, { status: 'duplicate', reason: '同一户重复上报', duplicateOf: original });
    expect(res.status).toBe(200);
    expect(await Report.findById(copy).lean()).toMatchObject({ status: 'duplicate', duplicateOf: original });
  });
});
