import Router from '@koa/router';
import { Application } from '../../../models/application';
import { applicationCreator } from '../../../domain/applications/applicationCreator';
import { applicationFinder } from '../../../domain/applications/applicationFinder';
import { notFound } from '../../../domain/core/errors';
import type { Submitter } from '../../../domain/core/submission';
import { parseInput } from '../../../domain/core/parseInput';
import { requireActor } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { canViewApplication } from '../../policies/application';
import { presentApplication } from '../../presenters/application';
import type { AppContext, AppState } from '../../state';
import { commandContext, sourceOf } from '../context';
import { IdOnly } from '../shared';
import { ApplicationListQuery, ApplicationPage, ApplicationParams, ApplicationResponse, CreateApplicationBody, MineQuery } from './schema';

const TAG = ['绿色通道与小额信贷'];
const audienceOf = (actor: Submitter) => ({ audience: actor.kind === 'staff' ? 'staff' : 'applicant' }) as const;

documentRoute({
  method: 'post',
  path: '/api/applications',
  tags: TAG,
  summary: '申请绿色通道（先帮扶后补材料）或小额信贷展期、续贷、追加（同一编号重发不会重复）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(CreateApplicationBody) } },
  responses: {
    201: { description: '已受理', ...json(ApplicationResponse) },
    200: { description: '同一编号、同样内容：返回已有的申请', ...json(ApplicationResponse) },
    ...standardErrors,
    409: { ...standardErrors[400], description: '同一编号、不同内容' },
  },
});
async function createApplication(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id, ...input } = parseInput(IdOnly, ctx.request.body);
  const { application, created } = await applicationCreator({ id, input, actor, source: sourceOf(actor), ...commandContext(ctx) });
  ctx.status = created ? 201 : 200;
  ctx.body = { application: presentApplication(application.toObject(), audienceOf(actor)) };
}

documentRoute({
  method: 'get',
  path: '/api/applications',
  tags: TAG,
  summary: '查询申请（限本人负责的区域；农户只看自己家的）',
  security: [{ bearer: [] }],
  request: { query: ApplicationListQuery },
  responses: { 200: { description: '一页申请', ...json(ApplicationPage) }, ...standardErrors },
});
async function listApplications(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const page = await applicationFinder(actor, parseInput(ApplicationListQuery, ctx.query));
  ctx.body = { ...page, items: page.items.map((item) => presentApplication(item, audienceOf(actor))) };
}

documentRoute({
  method: 'get',
  path: '/api/applications/mine',
  tags: TAG,
  summary: '我（我家）的申请和办理进度',
  security: [{ bearer: [] }],
  request: { query: MineQuery },
  responses: { 200: { description: '一页申请', ...json(ApplicationPage) }, ...standardErrors },
});
async function myApplications(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const page = await applicationFinder(actor, { ...parseInput(MineQuery, ctx.query), mine: true });
  ctx.body = { ...page, items: page.items.map((item) => presentApplication(item, audienceOf(actor))) };
}

documentRoute({
  method: 'get',
  path: '/api/applications/{id}',
  tags: TAG,
  summary: '一条申请',
  security: [{ bearer: [] }],
  request: { params: ApplicationParams },
  responses: { 200: { description: '申请', ...json(ApplicationResponse) }, ...standardErrors },
});
async function showApplication(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id } = parseInput(ApplicationParams, ctx.params);
  const application = await Application.findById(id).lean();
  // Out of region is "not found": nothing is learnt about another town's households.
  if (!application || !canViewApplication(actor, application)) throw notFound('application_not_found', '没有找到这条申请');
  ctx.body = { application: presentApplication(application, audienceOf(actor)) };
}

/** `/api/applications`: green channel and credit relief, created for or by a household. */
export function applicationsRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/applications' });
  router.post('/', createApplication);
  router.get('/', listApplications);
  router.get('/mine', myApplications);
  router.get('/:id', showApplication);
  return router;
}
