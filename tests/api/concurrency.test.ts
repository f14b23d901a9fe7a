import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { bodyOf } from '../helpers/responses';
import { buildStaffUser, buildVillager, REGIONS, type BuiltStaff } from '../helpers/factories';
import { wxLogin } from '../helpers/fakeWechat';
import { importRegions } from '../../domain/regions/importRegions';
import { MAX_FAILED_LOGINS } from '../../domain/auth/consoleSession';
import { ConsoleTokensView, MiniProgramTokenView } from '../../api/routes/auth/schema';
import { InvitationResponse } from '../../api/routes/staff/schema';
import { Report } from '../../models/report';
import { Session } from '../../models/session';
import { StaffInvitation } from '../../models/staffInvitation';
import { StaffUser } from '../../models/staffUser';
import { AuditLog } from '../../models/auditLog';

useTestDatabase();
const server = useTestServer();

const post = (path: string, token: string | undefined, json: unknown) => server().request(path, { method: 'POST', token, json });
const sorted = (responses: Response[]): number[] => responses.map((res) => res.status).sort((a, b) => a - b);

let mudong: BuiltStaff;
beforeAll(async () => {
  await importRegions();
  mudong = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
});

describe('what must hold when many people act on one record at once', () => {
  it('30 reviewers moving one report at once: one 200, 29 × 409, one history entry and one audit entry', async () => {
    const { token } = await buildVillager();
    const id = crypto.randomUUID();
    const filed = await post('/api/reports', token, {
      id,
      villageCode: REGIONS.zhongba,
      disasterType: '洪涝',
      occurredAt: '2026-07-25T02:40:00+08:00',
      damage: { people: { affected: 2 } },
    });
    expect(filed.status).toBe(201);
    const reviewers = await Promise.all(
      Array.from({ length: 30 }, () => buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong })),
    );
    const answers = await Promise.all(
      reviewers.map((reviewer) => post(`/api/reports/${id}/status`, reviewer.token, { status: 'verifying' })),
    );
    expect(sorted(answers)).toEqual([200, ...Array<number>(29).fill(409)]);
    const stored = await Report.findById(id).lean();
    expect(stored?.status).toBe('verifying');
    expect(stored?.statusHistory.map((entry) => entry.status)).toEqual(['submitted', 'verifying']);
    expect(await AuditLog.countDocuments({ action: 'report.status', 'target.id': id })).toBe(1);
  });

  it('a burst of 20 wrong passwords at once: at most five are checked, then the account is locked', async () => {
    const { staff } = await buildStaffUser({ password: 'the right one 123' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/auth/login', undefined, { username: staff.username, password: 'guess' })),
    );
    const statuses = sorted(answers);
    // A checked wrong password answers 401, except the one that used the last attempt, which locks (423).
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(statuses.filter((status) => status === 423)).toHaveLength(20 - (MAX_FAILED_LOGINS - 1));
    const stored = await StaffUser.findById(staff._id).lean();
    expect(stored?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const right = await post('/api/auth/login', undefined, { username: staff.username, password: 'the right one 123' });
    expect(right.status).toBe(423);
    expect(await Session.countDocuments({ staffUserId: staff._id })).toBe(0);
  });

  it('10 refreshes of one token at once: one succeeds, and the copies revoke the family', async () => {
    const { staff } = await buildStaffUser({ password: 'the right one 123' });
    const signedIn = await bodyOf(
      await post('/api/auth/login', undefined, { username: staff.username, password: 'the right one 123' }),
      ConsoleTokensView,
    );
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/auth/refresh', undefined, { refreshToken: signedIn.refreshToken })),
    );
    expect(sorted(answers)).toEqual([200, ...Array<number>(9).fill(401)]);
    const sessions = await Session.find({ staffUserId: staff._id }).lean();
    expect(sessions.filter((session) => session.rotatedAt)).toHaveLength(1);
    expect(sessions).toHaveLength(2);
  });

  it('one invitation code redeemed by two phones at once links exactly one of them', async () => {
    const worker = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    const invitation = await bodyOf(
      await post('/api/staff/invitations', mudong.token, { staffUserId: worker.actor.id }),
      InvitationResponse,
    );
    const phones = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const openId = `o${crypto.randomBytes(10).toString('hex')}`;
        const signed = await bodyOf(await post('/api/auth/miniprogram', undefined, { code: await wxLogin(openId) }), MiniProgramTokenView);
        return { openId, token: String(signed.accessToken) };
      }),
    );
    const answers = await Promise.all(
      phones.map((phone) => post('/api/auth/miniprogram/invitation', phone.token, { invitationCode: invitation.invitationCode })),
    );
    expect(sorted(answers)).toEqual([200, ...Array<number>(5).fill(400)]);
    const winner = phones[answers.findIndex((res) => res.status === 200)];
    expect((await StaffUser.findById(worker.staff._id).lean())?.wechatOpenId).toBe(winner?.openId);
    const used = await StaffInvitation.findOne({ staffUserId: worker.staff._id }).lean();
    expect(used?.usedAt).toBeInstanceOf(Date);
    expect(await AuditLog.countDocuments({ action: 'staff.link_wechat', 'target.id': worker.actor.id })).toBe(1);
  });
});
