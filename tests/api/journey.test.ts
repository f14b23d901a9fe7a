import crypto from 'node:crypto';
import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { wxLogin } from '../helpers/fakeWechat';
import { buildHousehold, buildStaffUser, REGIONS } from '../helpers/factories';
import { seedRegions, uniquePng, uuid } from './submissionFixtures';
import { Report } from '../../models/report';
import { StaffUser } from '../../models/staffUser';
import { AuditLog } from '../../models/auditLog';

useTestDatabase();
const server = useTestServer();
beforeAll(seedRegions);

const Token = z.looseObject({ accessToken: z.string(), kind: z.string() });
const Invitation = z.looseObject({ invitationCode: z.string() });
const FileId = z.object({ file: z.looseObject({ id: z.string() }) });
const Page = z.looseObject({ items: z.array(z.looseObject({ id: z.string() })) });
const ReportBody = z.looseObject({ report: z.looseObject({ id: z.string(), status: z.string(), receiptNo: z.string() }) });

async function json<S extends z.ZodType>(res: Response, schema: S, status = 200): Promise<z.output<S>> {
  const text = await res.text();
  expect({ status: res.status, text }).toMatchObject({ status });
  return schema.parse(JSON.parse(text));
}

describe('issue 4, done when: a grid worker files a report with two photos; the town reviews it, another town cannot', () => {
  it('runs the whole journey through the HTTP API', async () => {
    const mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const dongwenquan = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
    const account = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba, name: '中坝网格员' });
    const { household } = await buildHousehold({ headName: '旅程测试户主', gridWorkerId: account.actor.id });

    // The town official invites the grid worker, who links WeChat once through the (fake) jscode2session.
    const post = (path: string, token: string | undefined, body: unknown) => server().request(path, { method: 'POST', token, json: body });
    const { invitationCode } = await json(
      await post('/api/staff/invitations', mudong.token, { staffUserId: account.actor.id }),
      Invitation,
      201,
    );
    const openId = `o${crypto.randomBytes(10).toString('hex')}`;
    const villagerSession = await json(await post('/api/auth/miniprogram', undefined, { code: await wxLogin(openId) }), Token);
    const worker = await json(await post('/api/auth/miniprogram/invitation', villagerSession.accessToken, { invitationCode }), Token);
    expect(worker.kind).toBe('staff');
    expect((await StaffUser.findById(account.actor.id).lean())?.wechatOpenId).toBe(openId);

    // The grid worker finds the household, uploads two photos, files the report on the villager's behalf.
    const found = await json(await server().request('/api/households?name=旅程测试户主', { token: worker.accessToken }), Page);
    expect(found.items.map((h) => h.id)).toEqual([household.id]);
    const photoIds: string[] = [];
    for (const bytes of [uniquePng(), uniquePng()]) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'image/png' }), 'photo.png');
      const uploaded = await json(
        await server().request('/api/files', { method: 'POST', token: worker.accessToken, body: form }),
        FileId,
        201,
      );
      photoIds.push(uploaded.file.id);
    }
    const id = uuid();
    const filed = await json(
      await post('/api/reports', worker.accessToken, {
        id,
        villageCode: REGIONS.zhongba,
        disasterType: '洪涝',
        occurredAt: '2026-07-10T06:00:00+08:00',
        damage: { houses: { collapsed: { rooms: 2, households: 1 } }, crops: { affectedMu: 3, damagedMu: 1 } },
        photoIds,
        location: { lat: 29.59, lng: 106.86 },
        onBehalf: { villagerName: '旅程测试户主', householdId: household.id, villagerConsent: true, consentNote: '当面同意' },
      }),
      ReportBody,
      201,
    );
    expect(filed.report.receiptNo).toMatch(/^ZQ\d{8}-\d{4}$/);

    // 木洞镇 sees, assigns and verifies it; 东温泉镇 can do none of it and learns nothing.
    const path = `/api/reports/${id}`;
    expect((await json(await server().request(path, { token: mudong.token }), ReportBody)).report.id).toBe(id);
    for (const [action, body] of [
      ['', undefined],
      ['/assign', { assigneeId: account.actor.id }],
      ['/status', { status: 'verifying' }],
    ] as const) {
      const res = body
        ? await post(`${path}${action}`, dongwenquan.token, body)
        : await server().request(path, { token: dongwenquan.token });
      expect(res.status).toBe(404);
    }
    await json(await post(`${path}/assign`, mudong.token, { assigneeId: account.actor.id }), ReportBody);
    await json(await post(`${path}/status`, mudong.token, { status: 'verifying' }), ReportBody);
    const verified = await json(await post(`${path}/status`, mudong.token, { status: 'verified', reason: '入户核实' }), ReportBody);
    expect(verified.report.status).toBe('verified');

    const stored = await Report.findById(id).orFail().lean();
    expect(stored).toMatchObject({ status: 'verified', photos: photoIds, householdId: household._id, townCode: REGIONS.mudong });
    expect(stored.assigneeId?.toString()).toBe(account.actor.id);
    expect(stored.statusHistory.map((h) => h.status)).toEqual(['submitted', 'verifying', 'verified']);
    expect(stored.onBehalf).toMatchObject({ villagerConsent: true, staffUserId: expect.anything() });
    const actions = (await AuditLog.find({ 'target.id': id }).sort({ at: 1 }).lean()).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['report.create', 'report.assign']));
    expect(actions.length).toBeGreaterThanOrEqual(4);
  });
});
