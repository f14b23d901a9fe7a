import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { buildHousehold, buildStaffUser, buildVillager, REGIONS } from '../helpers/factories';
import { Application } from '../../models/application';
import { setSetting } from '../../domain/core/settings';
import { auditOf, errorOf, seedRegions, uuid } from './submissionFixtures';

useTestDatabase();
const server = useTestServer();
beforeAll(seedRegions);

const DAY_MS = 24 * 60 * 60 * 1000;
const AppJson = z.object({
  application: z.looseObject({
    id: z.string(),
    receiptNo: z.string(),
    status: z.string(),
    paperworkDueAt: z.string().optional(),
    paperwork: z.array(z.object({ name: z.string(), received: z.boolean(), receivedAt: z.string().optional() })),
  }),
});
const PageJson = z.object({ items: z.array(z.looseObject({ id: z.string(), kind: z.string() })), total: z.number() });
const consent = { villagerName: '张大山', villagerConsent: true, consentNote: '户主签了承诺授权书' };
const green = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  kind: 'green_channel',
  difficulties: ['住房'],
  description: '房子垮了两间，一家四口借住在亲戚家',
  measures: ['临时救助', '住房重建/加固'],
  documentsProvided: ['户口簿', '身份证'],
  ...overrides,
});
const extension = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  kind: 'credit_extension',
  bank: '重庆农村商业银行',
  amountYuan: 30000,
  loanDueAt: '2023-09-30T00:00:00+08:00',
  requestedMonths: 12,
  reason: '洪水冲毁了鱼塘，今年还不上',
  ...overrides,
});
const post = (token: string | undefined, json: unknown) => server().request('/api/applications', { method: 'POST', token, json });

async function villagerWithHousehold(categories?: ('脱贫户' | '一般农户')[]) {
  const { household } = await buildHousehold(categories ? { categories } : {});
  return { household, ...(await buildVillager({ householdId: household.id })) };
}

describe('POST /api/applications', () => {
  it('answers 401 without a token and stores nothing', async () => {
    const body = green();
    expect((await post(undefined, body)).status).toBe(401);
    expect(await Application.exists({ _id: body.id })).toBeNull();
  });

  it('refuses invalid input with the field named', async () => {
    const { token } = await villagerWithHousehold();
    expect(await errorOf(await post(token, green({ difficulties: [] })))).toEqual({
      code: 'invalid_input',
      message: '「困难类型」至少要 1 项',
    });
    expect(await errorOf(await post(token, extension({ kind: 'credit_topup', amountYuan: 30000, loanPrincipalYuan: 30000 })))).toEqual({
      code: 'invalid_input',
      message: '「金额（元）」追加后贷款总额不能超过 50000 元',
    });
    expect(await errorOf(await post(token, extension({ amountYuan: 30000.5 })))).toEqual({
      code: 'invalid_input',
      message: '「金额（元）」格式不对，应该是整数',
    });
    expect(await errorOf(await post(token, extension({ requestedMonths: 13 })))).toEqual({
      code: 'invalid_input',
      message: '「申请期限（月）」不能大于 12',
    });
    const topupWithoutAmount = extension({ kind: 'credit_topup', amountYuan: undefined });
    expect(await errorOf(await post(token, topupWithoutAmount))).toEqual({
      code: 'invalid_input',
      message: '「金额（元）」追加贷款要写明追加多少',
    });
    expect(await Application.exists({ _id: topupWithoutAmount.id })).toBeNull();
  });

  it('takes an extension whose amount and due date the villager does not know (the village checks them)', async () => {
    const { token } = await villagerWithHousehold(['脱贫户']);
    const body = extension({ amountYuan: undefined, loanDueAt: undefined });
    const res = await post(token, body);
    expect(res.status).toBe(201);
    const stored = await Application.findById(body.id).orFail().lean();
    expect(stored.credit).toMatchObject({ bank: '重庆农村商业银行', requestedMonths: 12 });
    expect(stored.credit?.amountYuan ?? undefined).toBeUndefined();
    expect(stored.credit?.dueAt ?? undefined).toBeUndefined();
  });

  it('keeps a villager to their own household and staff to their region', async () => {
    const { token } = await villagerWithHousehold();
    const { household: other } = await buildHousehold();
    const foreign = await post(token, green({ householdId: other.id }));
    expect(foreign.status).toBe(403);
    expect(await errorOf(foreign)).toEqual({ code: 'forbidden', message: '只能为自己家申请' });
    const elsewhere = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.huangjinlin });
    const body = green({ householdId: other.id, onBehalf: consent });
    const outside = await post(elsewhere.token, body);
    expect(outside.status).toBe(403);
    expect(await errorOf(outside)).toEqual({ code: 'forbidden', message: '这户不在您负责的区域' });
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const noConsent = await post(worker.token, green({ householdId: other.id }));
    expect(await errorOf(noConsent)).toEqual({ code: 'on_behalf_required', message: '代农户申请须先征得农户同意，请填写「代报」信息' });
    expect(await Application.exists({ _id: body.id })).toBeNull();
  });

  it('accepts a green-channel case at once, lists the missing papers and sets the deadline 15 days out', async () => {
    const { household, actor, token } = await villagerWithHousehold();
    const body = green();
    const before = Date.now();
    const res = await post(token, body);
    expect(res.status).toBe(201);
    const { application } = AppJson.parse(await res.json());
    expect(application.receiptNo).toMatch(/^LT\d{8}-\d{4}$/);
    expect(application.status).toBe('accepted');
    expect(application.paperwork.filter((doc) => !doc.received).map((doc) => doc.name)).toEqual([
      '承诺授权书',
      '房屋受损照片',
      '房屋安全鉴定',
    ]);
    const due = Date.parse(application.paperworkDueAt ?? '');
    expect(due).toBeGreaterThanOrEqual(before + 15 * DAY_MS);
    expect(due).toBeLessThanOrEqual(Date.now() + 15 * DAY_MS);
    const stored = await Application.findById(body.id).lean();
    expect(stored).toMatchObject({
      kind: 'green_channel',
      townCode: REGIONS.mudong,
      villageCode: REGIONS.zhongba,
      difficulties: ['住房'],
      measures: [{ measure: '临时救助' }, { measure: '住房重建/加固' }],
      statusHistory: [{ status: 'accepted', by: { kind: 'contact', id: actor.contactId } }],
    });
    expect(String(stored?.householdId)).toBe(household.id);
    expect(await auditOf('application', body.id)).toMatchObject([
      { action: 'application.create', details: { kind: 'green_channel', status: 'accepted' } },
    ]);
  });

  it('follows the district’s settings for the paperwork deadline and the longest extension', async () => {
    const { token } = await villagerWithHousehold();
    const system = { kind: 'system', name: 'test' } as const;
    await setSetting('greenChannelPaperworkDays', 7, system);
    await setSetting('creditExtensionMaxMonths', 6, system);
    try {
      const before = Date.now();
      const { application } = AppJson.parse(await (await post(token, green())).json());
      expect(Date.parse(application.paperworkDueAt ?? '')).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);
      expect(Date.parse(application.paperworkDueAt ?? '')).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
      expect(await errorOf(await post(token, extension({ requestedMonths: 7 })))).toEqual({
        code: 'invalid_input',
        message: '「申请期限（月）」不能大于 6',
      });
    } finally {
      await setSetting('greenChannelPaperworkDays', 15, system);
      await setSetting('creditExtensionMaxMonths', 12, system);
    }
  });

  it('records a grid worker’s credit extension for an eligible household, and refuses ineligible ones', async () => {
    const { household } = await buildHousehold();
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const body = extension({ householdId: household.id, onBehalf: consent });
    const res = await post(worker.token, body);
    expect(res.status).toBe(201);
    expect(AppJson.parse(await res.json()).application.receiptNo).toMatch(/^XD\d{8}-\d{4}$/);
    expect(await Application.findById(body.id).lean()).toMatchObject({
      status: 'submitted',
      kind: 'credit_extension',
      description: '洪水冲毁了鱼塘，今年还不上',
      applicant: { name: consent.villagerName },
      credit: { bank: '重庆农村商业银行', amountYuan: 30000, requestedMonths: 12, dueAt: new Date('2023-09-29T16:00:00Z') },
      onBehalf: { villagerConsent: true, consentNote: '户主签了承诺授权书' },
    });
    expect(await auditOf('application', body.id)).toMatchObject([
      { action: 'application.create', actor: { kind: 'staff', id: worker.actor.id } },
    ]);
    const { household: ordinary } = await buildHousehold({ categories: ['一般农户'] });
    const refused = await post(worker.token, extension({ householdId: ordinary.id, onBehalf: consent }));
    expect(await errorOf(refused)).toEqual({ code: 'credit_not_eligible', message: '小额信贷只面向脱贫户和监测对象' });
  });

  it('is idempotent on the id: same content → 200, other content → 409', async () => {
    const { token } = await villagerWithHousehold();
    const body = green();
    const first = AppJson.parse(await (await post(token, body)).json());
    const again = await post(token, body);
    expect(again.status).toBe(200);
    expect(AppJson.parse(await again.json()).application.receiptNo).toBe(first.application.receiptNo);
    const changed = await post(token, { ...body, description: '另一件事' });
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).code).toBe('application_id_conflict');
    expect(await auditOf('application', body.id)).toHaveLength(1);
  });
});

describe('GET /api/applications, /mine and /:id', () => {
  it('answers 401 and 400', async () => {
    expect((await server().request('/api/applications')).status).toBe(401);
    const { token } = await buildStaffUser();
    expect(await errorOf(await server().request('/api/applications?kind=loan', { token }))).toEqual({
      code: 'invalid_input',
      message: '「申请类别」只能是：green_channel、credit_extension、credit_renewal、credit_topup',
    });
  });

  it('scopes staff to their region, bank officers to credit, households to their own', async () => {
    const mine = await villagerWithHousehold();
    const greenBody = green();
    const creditBody = extension();
    await post(mine.token, greenBody);
    await post(mine.token, creditBody);
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const listed = PageJson.parse(await (await server().request('/api/applications?pageSize=100', { token: official.token })).json());
    expect(listed.items.map((item) => item.id)).toEqual(expect.arrayContaining([greenBody.id, creditBody.id]));
    const elsewhere = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
    const foreignList = PageJson.parse(await (await server().request('/api/applications', { token: elsewhere.token })).json());
    expect(foreignList.items.map((item) => item.id)).not.toContain(greenBody.id);
    expect((await server().request(`/api/applications?town=${REGIONS.mudong}`, { token: elsewhere.token })).status).toBe(403);
    expect((await server().request(`/api/applications/${greenBody.id}`, { token: elsewhere.token })).status).toBe(404);
    const bank = await buildStaffUser({ role: 'bank_officer', regionCode: REGIONS.district });
    const bankList = PageJson.parse(await (await server().request('/api/applications?pageSize=100', { token: bank.token })).json());
    expect(bankList.items.every((item) => item.kind !== 'green_channel')).toBe(true);
    expect(bankList.items.map((item) => item.id)).toContain(creditBody.id);
    expect((await server().request(`/api/applications/${greenBody.id}`, { token: bank.token })).status).toBe(404);
    const own = PageJson.parse(await (await server().request('/api/applications/mine', { token: mine.token })).json());
    expect(own.items.map((item) => item.id).sort()).toEqual([greenBody.id, creditBody.id].sort());
    const detail = await server().request(`/api/applications/${greenBody.id}`, { token: mine.token });
    expect(AppJson.parse(await detail.json()).application.status).toBe('accepted');
    expect((await server().request(`/api/applications/${greenBody.id}`, { token: (await villagerWithHousehold()).token })).status).toBe(
      404,
    );
  });
});
