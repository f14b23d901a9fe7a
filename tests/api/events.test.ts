import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { buildStaffUser, buildVillager, REGIONS } from '../helpers/factories';
import { DisasterEvent } from '../../models/disasterEvent';
import { auditOf, errorOf, seedRegions } from './submissionFixtures';

useTestDatabase();
const server = useTestServer();
beforeAll(seedRegions);

const EventJson = z.object({ event: z.looseObject({ id: z.string(), status: z.string(), gbCode: z.string().optional() }) });
const PageJson = z.object({ items: z.array(z.looseObject({ id: z.string(), status: z.string() })), total: z.number() });
const flood = (overrides: Record<string, unknown> = {}) => ({
  name: '2023·7·25 暴雨洪涝',
  disasterType: '洪涝',
  startAt: '2023-07-25T02:00:00+08:00',
  regionCodes: [REGIONS.zhongba],
  ...overrides,
});
const create = (token: string | undefined, json: unknown) => server().request('/api/events', { method: 'POST', token, json });

describe('POST /api/events', () => {
  it('answers 401 without a token and 403 to a grid worker and to a villager', async () => {
    expect((await create(undefined, flood())).status).toBe(401);
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const res = await create(worker.token, flood());
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual({ code: 'forbidden', message: '只有镇街和区里的工作人员可以管理灾害事件' });
    expect((await create((await buildVillager()).token, flood())).status).toBe(403);
    expect(await DisasterEvent.countDocuments({ name: flood().name })).toBe(0);
  });

  it('refuses bad input with the field named, and unknown region codes', async () => {
    const { token } = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
    const noName = await create(token, flood({ name: '' }));
    expect(await errorOf(noName)).toEqual({ code: 'invalid_input', message: '「事件名称」至少要 2 个字' });
    const unknown = await create(token, flood({ regionCodes: ['500113999000'] }));
    expect(await errorOf(unknown)).toEqual({ code: 'unknown_region', message: '「受灾区域」里有不是巴南区镇街或村的代码' });
  });

  it('lets a town official open an event in their town only', async () => {
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const outside = await create(official.token, flood({ regionCodes: [REGIONS.huangjinlin] }));
    expect(outside.status).toBe(403);
    expect(await errorOf(outside)).toEqual({ code: 'forbidden', message: '镇街只能管理本镇街范围内的灾害事件' });
    const districtWide = await create(official.token, flood({ regionCodes: [] }));
    expect(districtWide.status).toBe(403);
    const res = await create(official.token, flood({ responseLevel: 'IV' }));
    expect(res.status).toBe(201);
    const { event } = EventJson.parse(await res.json());
    expect(event).toMatchObject({ status: 'open', gbCode: '010200', responseLevel: 'IV' });
    expect(await DisasterEvent.findById(event.id).lean()).toMatchObject({
      regionCodes: [REGIONS.zhongba],
      createdBy: { id: official.actor.id },
    });
    expect(await auditOf('disasterEvent', event.id)).toMatchObject([{ action: 'event.create', actor: { id: official.actor.id } }]);
  });
});

describe('POST /api/events/:id/close and GET /api/events', () => {
  it('closes once, audits it, then refuses to close again or to take new reports', async () => {
    const admin = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
    const { event } = EventJson.parse(await (await create(admin.token, flood({ regionCodes: [] }))).json());
    const path = `/api/events/${event.id}/close`;
    expect((await server().request(path, { method: 'POST' })).status).toBe(401);
    const townOfficial = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    expect((await server().request(path, { method: 'POST', token: townOfficial.token })).status).toBe(403);
    const bad = await server().request(path, { method: 'POST', token: admin.token, json: { endAt: 'yesterday' } });
    expect(await errorOf(bad)).toEqual({ code: 'invalid_input', message: '「结束时间」格式不对' });
    const res = await server().request(path, { method: 'POST', token: admin.token, json: { endAt: '2023-08-01T00:00:00+08:00' } });
    expect(res.status).toBe(200);
    expect(EventJson.parse(await res.json()).event.status).toBe('closed');
    expect(await DisasterEvent.findById(event.id).lean()).toMatchObject({ status: 'closed', endAt: new Date('2023-07-31T16:00:00Z') });
    expect((await auditOf('disasterEvent', event.id)).map((a) => a.action)).toEqual(['event.create', 'event.close']);
    const again = await server().request(path, { method: 'POST', token: admin.token });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('event_closed');
    const villager = await buildVillager();
    const report = {
      id: crypto.randomUUID(),
      villageCode: REGIONS.zhongba,
      disasterType: '洪涝',
      occurredAt: '2023-07-25T03:00:00+08:00',
      eventId: event.id,
    };
    const late = await server().request('/api/reports', { method: 'POST', token: villager.token, json: report });
    expect(await errorOf(late)).toEqual({ code: 'event_closed', message: '这个灾害事件已经结束，不能再关联新的上报' });
    expect((await server().request('/api/events/unknown/close', { method: 'POST', token: admin.token })).status).toBe(400);
    expect((await server().request('/api/events/0123456789abcdef01234567/close', { method: 'POST', token: admin.token })).status).toBe(404);
  });

  it('lists events to anyone signed in, filtered by status', async () => {
    expect((await server().request('/api/events')).status).toBe(401);
    const admin = await buildStaffUser({ role: 'district_admin', regionCode: REGIONS.district });
    const { event } = EventJson.parse(await (await create(admin.token, flood({ name: '风雹', disasterType: '风雹' }))).json());
    const villager = await buildVillager();
    const page = PageJson.parse(await (await server().request('/api/events?status=open', { token: villager.token })).json());
    expect(page.items.map((item) => item.id)).toContain(event.id);
    expect(page.items.every((item) => item.status === 'open')).toBe(true);
    const bad = await server().request('/api/events?status=any', { token: villager.token });
    expect(await errorOf(bad)).toEqual({ code: 'invalid_input', message: '「状态」只能是：open、closed' });
  });
});
