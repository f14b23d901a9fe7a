import Router from '@koa/router';
import { Household, type HouseholdDocument } from '../../../models/household';
import type { StaffActor, VillagerActor } from '../../../domain/core/actor';
import { DomainError, notFound } from '../../../domain/core/errors';
import { createHousehold } from '../../../domain/households/createHousehold';
import { updateHousehold } from '../../../domain/households/updateHousehold';
import { findHouseholds } from '../../../domain/households/findHouseholds';
import { revealHouseholdPii } from '../../../domain/households/revealHouseholdPii';
import { parseInput } from '../../../domain/core/parseInput';
import { requireActor, requireStaff } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { authorize } from '../../policies/authorize';
import {
  canAssignGridWorker,
  canCreateHousehold,
  canListHouseholds,
  canReadHousehold,
  canRevealHouseholdPii,
  canUpdateHousehold,
  householdScopeFilter,
} from '../../policies/household';
import { presentHousehold, presentHouseholdSummary } from '../../presenters/household';
import type { AppContext, AppState } from '../../state';
import { commandContext } from '../context';
import {
  HouseholdChanges,
  HouseholdListQuery,
  HouseholdPage,
  HouseholdParams,
  HouseholdResponse,
  NewHouseholdInput,
  RevealInput,
  RevealResponse,
} from './schema';

const TAG = ['农户'];
const conflict = { 409: { ...standardErrors[400], description: '户编号已经登记过' } };
const householdNotFound = () => notFound('household_not_found', '没有找到这户');

/** The household if the actor may see it; otherwise 404, so another town learns nothing, not even that it exists. */
async function visibleHousehold(actor: StaffActor | VillagerActor, id: string): Promise<HouseholdDocument> {
  const household = await Household.findById(id);
  authorize(household !== null && canReadHousehold(actor, household), householdNotFound);
  return household;
}

documentRoute({
  method: 'post',
  path: '/api/households',
  tags: TAG,
  summary: '登记农户（区管理员；镇街：本镇街；网格员：本村，归入自己的网格）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(NewHouseholdInput) } },
  responses: { 201: { description: '已登记', ...json(HouseholdResponse) }, ...standardErrors, ...conflict },
});
async function addHousehold(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const input = parseInput(NewHouseholdInput, ctx.request.body);
  authorize(canCreateHousehold(actor, input.villageCode), () => new DomainError(403, 'forbidden', '您不能在这个村（社区）登记农户'));
  // Officials who may create may also assign (same roles, same region); a grid worker only registers into their grid.
  if (actor.role === 'grid_worker') {
    authorize(
      input.gridWorkerId === undefined || input.gridWorkerId === actor.id,
      () => new DomainError(403, 'forbidden', '网格员只能登记自己网格的农户'),
    );
  }
  const gridWorkerId = actor.role === 'grid_worker' ? actor.id : input.gridWorkerId;
  const household = await createHousehold({ actor, input, gridWorkerId, ...commandContext(ctx) });
  ctx.status = 201;
  ctx.body = { household: presentHousehold(household) };
}

documentRoute({
  method: 'get',
  path: '/api/households',
  tags: TAG,
  summary: '查询农户：按姓名、身份证号、手机号、村、户类别（限本人负责的区域；网格员只看自己的网格）',
  security: [{ bearer: [] }],
  request: { query: HouseholdListQuery },
  responses: { 200: { description: '一页农户（个人信息已脱敏）', ...json(HouseholdPage) }, ...standardErrors },
});
async function listHouseholds(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  authorize(canListHouseholds(actor), () => new DomainError(403, 'forbidden', '您的岗位不能查询农户名册'));
  const query = parseInput(HouseholdListQuery, ctx.query);
  const page = await findHouseholds(householdScopeFilter(actor), query);
  ctx.body = { ...page, items: page.items.map(presentHouseholdSummary) };
}

documentRoute({
  method: 'get',
  path: '/api/households/{id}',
  tags: TAG,
  summary: '一户的详情和家庭成员（个人信息已脱敏）',
  security: [{ bearer: [] }],
  request: { params: HouseholdParams },
  responses: { 200: { description: '农户', ...json(HouseholdResponse) }, ...standardErrors },
});
async function showHousehold(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id } = parseInput(HouseholdParams, ctx.params);
  ctx.body = { household: presentHousehold(await visibleHousehold(actor, id)) };
}

documentRoute({
  method: 'patch',
  path: '/api/households/{id}',
  tags: TAG,
  summary: '修改农户（区管理员、镇街、本户的网格员）；成员的个人信息不填则保留，填 null 则删除',
  security: [{ bearer: [] }],
  request: { params: HouseholdParams, body: { required: true, ...json(HouseholdChanges) } },
  responses: { 200: { description: '修改后的农户', ...json(HouseholdResponse) }, ...standardErrors },
});
async function changeHousehold(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const { id } = parseInput(HouseholdParams, ctx.params);
  const changes = parseInput(HouseholdChanges, ctx.request.body);
  const household = await visibleHousehold(actor, id);
  authorize(canUpdateHousehold(actor, household), () => new DomainError(403, 'forbidden', '您的岗位不能修改农户信息'));
  if (changes.gridWorkerId !== undefined) {
    authorize(canAssignGridWorker(actor, household), () => new DomainError(403, 'forbidden', '只有镇街和区里的工作人员可以调整网格员'));
  }
  const updated = await updateHousehold({ actor, household, changes, ...commandContext(ctx) });
  ctx.body = { household: presentHousehold(updated) };
}

documentRoute({
  method: 'post',
  path: '/api/households/{id}/reveal',
  tags: TAG,
  summary: '查看完整的身份证号、手机号、银行账号和健康信息（区管理员、镇街、本户的网格员；须说明原因，记入审计日志）',
  security: [{ bearer: [] }],
  request: { params: HouseholdParams, body: { required: true, ...json(RevealInput) } },
  responses: { 200: { description: '未脱敏的个人信息', ...json(RevealResponse) }, ...standardErrors },
});
async function reveal(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const { id } = parseInput(HouseholdParams, ctx.params);
  const { reason } = parseInput(RevealInput, ctx.request.body);
  const household = await visibleHousehold(actor, id);
  authorize(canRevealHouseholdPii(actor, household), () => new DomainError(403, 'forbidden', '您的岗位不能查看完整的个人信息'));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await revealHouseholdPii({ actor, household, reason, ...commandContext(ctx) });
}

/** `/api/households`: the register of rural households, scoped to the caller's region. */
export function householdsRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/households' });
  router.post('/', addHousehold);
  router.get('/', listHouseholds);
  router.get('/:id', showHousehold);
  router.patch('/:id', changeHousehold);
  router.post('/:id/reveal', reveal);
  return router;
}
