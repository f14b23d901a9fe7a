import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf, errorOf } from '../helpers/responses';
import { MiniProgramTokenView } from '../../api/routes/auth/schema';
import { InvitationResponse } from '../../api/routes/staff/schema';
import { wxLogin } from '../helpers/fakeWechat';
import { buildHousehold, buildStaffUser, buildVillager, REGIONS, type BuiltStaff } from '../helpers/factories';
import { importRegions } from '../../domain/regions/importRegions';
import { HOUSEHOLD_CHECK_LOCK_MS, MAX_HOUSEHOLD_CHECK_FAILURES, linkHousehold } from '../../domain/households/linkHousehold';
import { INVITATION_TTL_MS, redeemInvitation } from '../../domain/staff/invitations';
import { Contact } from '../../models/contact';
import { StaffUser } from '../../models/staffUser';
import { StaffInvitation } from '../../models/staffInvitation';
import { AuditLog } from '../../models/auditLog';
import { verifyAccessToken } from '../../domain/auth/accessToken';

useTestDatabase();
const server = useTestServer();

let mudong: BuiltStaff;
beforeAll(async () => {
  await importRegions();
  mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
});

const post = (path: string, token: string | undefined, json: unknown) => server().request(path, { method: 'POST', token, json });

/** A villager who signed in through the (fake) mini-program, as a grid worker does before linking. */
async function miniProgramUser(): Promise<{ openId: string; token: string }> {
  const openId = `o${crypto.randomBytes(10).toString('hex')}`;
  const body = await bodyOf(await post('/api/auth/miniprogram', undefined, { code: await wxLogin(openId) }), MiniProgramTokenView);
  return { openId, token: String(body.accessToken) };
}

async function invitationFor(worker: BuiltStaff): Promise<string> {
  const body = await bodyOf(await post('/api/staff/invitations', mudong.token, { staffUserId: worker.actor.id }), InvitationResponse);
  return String(body.invitationCode);
}

describe('POST /api/auth/miniprogram/invitation', () => {
  it('needs a mini-program sign-in', async () => {
    expect((await post('/api/auth/miniprogram/invitation', undefined, { invitationCode: 'ABCDE-FGHJK' })).status).toBe(401);
    expect((await post('/api/auth/miniprogram/invitation', mudong.token, { invitationCode: 'ABCDE-FGHJK' })).status).toBe(403);
    const web = await buildVillager({ channel: 'web' });
    expect((await post('/api/auth/miniprogram/invitation', web.token, { invitationCode: 'ABCDE-FGHJK' })).status).toBe(403);
  });

  it('names a missing code', async () => {
    const { token } = await miniProgramUser();
    const res = await post('/api/auth/miniprogram/invitation', token, {});
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('「邀请码」必须填写');
  });

  it('links WeChat to the invited grid worker once; the next sign-in is as staff', async () => {
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const code = await invitationFor(worker);
    const { openId, token } = await miniProgramUser();
    const res = await post('/api/auth/miniprogram/invitation', token, { invitationCode: code.toLowerCase().replace('-', ' ') });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, MiniProgramTokenView);
    expect(body).toMatchObject({ kind: 'staff', role: 'grid_worker' });
    expect(verifyAccessToken(body.accessToken)).toMatchObject({ kind: 'staff', id: worker.actor.id });
    expect((await StaffUser.findById(worker.staff._id).lean())?.wechatOpenId).toBe(openId);
    const invitation = await StaffInvitation.findOne({ staffUserId: worker.staff._id }).lean();
    expect(invitation?.usedAt).toBeInstanceOf(Date);
    const contact = await Contact.findOne({ externalId: openId }).lean();
    expect(contact?.staffUserId?.toString()).toBe(worker.actor.id);
    const audit = await AuditLog.find({ 'target.id': worker.actor.id }).sort({ at: 1 }).lean();
    expect(audit.map((a) => a.action)).toEqual(['staff.invite', 'staff.link_wechat']);
    const next = await bodyOf(await post('/api/auth/miniprogram', undefined, { code: await wxLogin(openId) }), MiniProgramTokenView);
    expect(next).toMatchObject({ kind: 'staff', role: 'grid_worker' });
    const again = await post('/api/auth/miniprogram/invitation', (await miniProgramUser()).token, { invitationCode: code });
    expect(again.status).toBe(400);
    expect((await errorOf(again)).code).toBe('invitation_invalid');
  });

  it('refuses an expired code (time as a parameter)', async () => {
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const code = await invitationFor(worker);
    const villager = await buildVillager();
    const later = new Date(Date.now() + INVITATION_TTL_MS + 60_000);
    await expect(redeemInvitation({ actor: villager.actor, code, now: later })).rejects.toMatchObject({
      status: 400,
      code: 'invitation_invalid',
    });
    expect((await StaffUser.findById(worker.staff._id).lean())?.wechatOpenId).toBeUndefined();
  });

  it('refuses a WeChat already linked to another staff account', async () => {
    const first = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const second = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const villager = await buildVillager();
    await redeemInvitation({ actor: villager.actor, code: await invitationFor(first), now: new Date() });
    await expect(redeemInvitation({ actor: villager.actor, code: await invitationFor(second), now: new Date() })).rejects.toMatchObject({
      status: 409,
      code: 'wechat_already_linked',
    });
    expect((await StaffUser.findById(second.staff._id).lean())?.wechatOpenId).toBeUndefined();
  });
});

describe('POST /api/auth/miniprogram/household', () => {
  const link = (token: string | undefined, json: unknown) => post('/api/auth/miniprogram/household', token, json);

  it('needs a villager sign-in', async () => {
    expect((await link(undefined, { name: '张三', idNumberLast4: '1234' })).status).toBe(401);
    expect((await link(mudong.token, { name: '张三', idNumberLast4: '1234' })).status).toBe(403);
  });

  it('wants exactly one of the two proofs', async () => {
    const { token } = await miniProgramUser();
    const res = await link(token, { name: '张三' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('请填写「身份证号后四位」或「手机号」，二选一');
    const bad = await link(token, { name: '张三', idNumberLast4: '12' });
    expect((await errorOf(bad)).message).toBe('「身份证号后四位」格式不对');
  });

  it('links with name and the last four of the ID, and records it', async () => {
    const { household, secrets } = await buildHousehold({ memberName: '赵小河' });
    const { openId, token } = await miniProgramUser();
    const res = await link(token, { name: '赵小河', idNumberLast4: secrets.memberIdNumber.slice(-4) });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, MiniProgramTokenView);
    expect(body).toMatchObject({ kind: 'villager', householdLinked: true });
    expect(verifyAccessToken(body.accessToken)).toMatchObject({ householdId: household.id, name: '赵小河' });
    const contact = await Contact.findOne({ externalId: openId }).lean();
    expect(contact?.householdId?.toString()).toBe(household.id);
    const audit = await AuditLog.find({ action: 'contact.link_household', 'target.id': contact?._id.toString() }).lean();
    expect(audit[0]?.details).toEqual({ householdId: household.id, checkedBy: 'idNumberLast4' });
    expect((await server().request(`/api/households/${household.id}`, { token: body.accessToken })).status).toBe(200);
  });

  it('links with name and phone, compared by hash', async () => {
    const { household, secrets } = await buildHousehold({ headName: '钱大江' });
    const { token } = await miniProgramUser();
    const res = await link(token, { name: '钱大江', phone: secrets.headPhone });
    expect(res.status).toBe(200);
    expect(verifyAccessToken((await bodyOf(res, MiniProgramTokenView)).accessToken)).toMatchObject({ householdId: household.id });
  });

  it(`counts failed checks and locks after ${MAX_HOUSEHOLD_CHECK_FAILURES}, even against the right answer`, async () => {
    const { secrets } = await buildHousehold({ headName: '孙山' });
    const { openId, token } = await miniProgramUser();
    const first = await link(token, { name: '孙山', idNumberLast4: '0000' });
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({
      error: { code: 'household_check_failed', message: '没有核对上，请检查姓名和号码（还可以再试 4 次）' },
    });
    for (let i = 2; i < MAX_HOUSEHOLD_CHECK_FAILURES; i++)
      expect((await link(token, { name: '孙山', idNumberLast4: '0000' })).status).toBe(400);
    const fifth = await link(token, { name: '孙山', idNumberLast4: '0000' });
    expect(fifth.status).toBe(423);
    expect((await errorOf(fifth)).code).toBe('household_check_locked');
    const right = await link(token, { name: '孙山', idNumberLast4: secrets.headIdNumber.slice(-4) });
    expect(right.status).toBe(423);
    const contact = await Contact.findOne({ externalId: openId }).lean();
    expect(contact?.householdId).toBeUndefined();
    expect(contact?.householdCheckLockedUntil?.getTime()).toBeGreaterThan(Date.now() + HOUSEHOLD_CHECK_LOCK_MS - 60_000);
  });

  it('lets the villager try again after the lock (time as a parameter)', async () => {
    const { household, secrets } = await buildHousehold({ headName: '周水' });
    const villager = await buildVillager();
    const t0 = new Date('2024-06-01T00:00:00Z');
    for (let i = 0; i < MAX_HOUSEHOLD_CHECK_FAILURES; i++) {
      await expect(linkHousehold({ actor: villager.actor, proof: { name: '周水', idNumberLast4: '0000' }, now: t0 })).rejects.toBeDefined();
    }
    const after = new Date(t0.getTime() + HOUSEHOLD_CHECK_LOCK_MS + 1000);
    const linked = await linkHousehold({
      actor: villager.actor,
      proof: { name: '周水', idNumberLast4: secrets.headIdNumber.slice(-4) },
      now: after,
    });
    expect(linked.householdId).toBe(household.id);
  });

  it('refuses a second link', async () => {
    const { household } = await buildHousehold();
    const { token } = await buildVillager({ householdId: household.id });
    const res = await link(token, { name: '任何人', idNumberLast4: '1234' });
    expect(res.status).toBe(409);
  });
});
