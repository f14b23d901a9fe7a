import Router from '@koa/router';
import { StaffUser } from '../../../models/staffUser';
import { DomainError } from '../../../domain/core/errors';
import { createStaff, staffNotFound } from '../../../domain/staff/createStaff';
import { issueInvitation } from '../../../domain/staff/invitations';
import { regionLevel } from '../../../domain/core/regionScope';
import { parseInput } from '../../../domain/core/parseInput';
import { requireStaff } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { authorize } from '../../policies/authorize';
import { canCreateStaff, canInviteStaff, canReadStaff } from '../../policies/staff';
import { presentStaff } from '../../presenters/staff';
import type { AppContext, AppState } from '../../state';
import { commandContext } from '../context';
import { InvitationResponse, NewInvitationInput, NewStaffInput, StaffListQuery, StaffPage, StaffResponse } from './schema';

const TAG = ['工作人员'];
const conflict = { 409: { ...standardErrors[400], description: '用户名已被占用，或已经绑定微信' } };

documentRoute({
  method: 'get',
  path: '/api/staff',
  tags: TAG,
  summary: '查询工作人员（区管理员：全区；镇街：本镇街）',
  security: [{ bearer: [] }],
  request: { query: StaffListQuery },
  responses: { 200: { description: '一页工作人员', ...json(StaffPage) }, ...standardErrors },
});
async function listStaff(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx, ['district_admin', 'town_official']);
  const query = parseInput(StaffListQuery, ctx.query);
  // The scope comes from the actor, never the request: a town official is held to codes under their town.
  const level = regionLevel(actor.regionCode);
  const scope =
    level === 'district'
      ? {}
      : level === 'town'
        ? { regionCode: { $regex: `^${actor.regionCode.slice(0, 9)}` } }
        : { regionCode: actor.regionCode };
  const filter = { $and: [scope, query.role ? { role: query.role } : {}, query.regionCode ? { regionCode: query.regionCode } : {}] };
  const [total, items] = await Promise.all([
    StaffUser.countDocuments(filter),
    StaffUser.find(filter)
      .sort({ regionCode: 1, name: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
  ]);
  ctx.body = { items: items.map(presentStaff), total, page: query.page, pageSize: query.pageSize };
}

documentRoute({
  method: 'post',
  path: '/api/staff',
  tags: TAG,
  summary: '新建工作人员（区管理员：任何岗位；镇街：本镇街各村的网格员、村干部）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(NewStaffInput) } },
  responses: { 201: { description: '已新建', ...json(StaffResponse) }, ...standardErrors, ...conflict },
});
async function addStaff(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx, ['district_admin', 'town_official']);
  const input = parseInput(NewStaffInput, ctx.request.body);
  authorize(
    canCreateStaff(actor, input.role, input.regionCode),
    () => new DomainError(403, 'forbidden', '您只能为本镇街的村（社区）新建网格员或村干部'),
  );
  const staff = await createStaff({ actor, input, ...commandContext(ctx) });
  ctx.status = 201;
  ctx.body = { staff: presentStaff(staff) };
}

documentRoute({
  method: 'post',
  path: '/api/staff/invitations',
  tags: TAG,
  summary: '给网格员或村干部发小程序绑定邀请码（一次有效，7 天过期；旧码作废）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(NewInvitationInput) } },
  responses: { 201: { description: '邀请码', ...json(InvitationResponse) }, ...standardErrors, ...conflict },
});
async function invite(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx, ['district_admin', 'town_official']);
  const { staffUserId } = parseInput(NewInvitationInput, ctx.request.body);
  const staff = await StaffUser.findById(staffUserId);
  // Someone outside the caller's region is "not found": the answer does not confirm the account exists.
  authorize(staff !== null && canReadStaff(actor, staff), staffNotFound);
  authorize(canInviteStaff(actor, staff), () => new DomainError(403, 'forbidden', '只能给网格员和村干部发邀请码'));
  const { code, expiresAt } = await issueInvitation({ actor, staff, ...commandContext(ctx) });
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { invitationCode: code, expiresAt: expiresAt.toISOString(), staff: presentStaff(staff) };
}

/** `/api/staff`: staff accounts and their mini-program invitations. */
export function staffRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/staff' });
  router.get('/', listStaff);
  router.post('/', addStaff);
  router.post('/invitations', invite);
  return router;
}
