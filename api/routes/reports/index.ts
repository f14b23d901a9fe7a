import Router from '@koa/router';
import { Report, type ReportDocument } from '../../../models/report';
import { notFound, forbidden } from '../../../domain/core/errors';
import { reportCreator } from '../../../domain/reports/reportCreator';
import { reportFinder } from '../../../domain/reports/reportFinder';
import { reportAssigner } from '../../../domain/reports/reportAssigner';
import { reportReviewer } from '../../../domain/reports/reportReviewer';
import { REPORT_STATUS_NAMES } from '../../../domain/reports/reportTransitions';
import type { Submitter } from '../../../domain/core/submission';
import { parseInput } from '../../../domain/core/parseInput';
import { requireActor, requireStaff } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { canAssignReport, canChangeReportStatus, canViewReport } from '../../policies/report';
import { presentReport } from '../../presenters/report';
import type { AppContext, AppState } from '../../state';
import { commandContext, sourceOf } from '../context';
import { IdOnly } from '../shared';
import { AssignBody, CreateReportBody, MineQuery, ReportListQuery, ReportPage, ReportParams, ReportResponse, StatusBody } from './schema';

const TAG = ['灾情上报'];
const ok = (description: string) => ({ 200: { description, ...json(ReportResponse) } });

const audienceOf = (actor: Submitter) => ({ audience: actor.kind === 'staff' ? 'staff' : 'reporter' }) as const;

async function visibleReport(actor: Submitter, id: string): Promise<ReportDocument> {
  const report = await Report.findById(id);
  // Out of region is "not found": a staff member of another town learns nothing about the report.
  if (!report || !canViewReport(actor, report)) throw notFound('report_not_found', '没有找到这条灾情上报');
  return report;
}

documentRoute({
  method: 'post',
  path: '/api/reports',
  tags: TAG,
  summary: '上报灾情（同一编号重发不会重复）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(CreateReportBody) } },
  responses: {
    201: { description: '已上报', ...json(ReportResponse) },
    ...ok('同一编号、同样内容：返回已有的上报'),
    ...standardErrors,
    409: { ...standardErrors[400], description: '同一编号、不同内容' },
  },
});
async function createReport(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id, ...input } = parseInput(IdOnly, ctx.request.body);
  const { report, created } = await reportCreator({ id, input, actor, source: sourceOf(actor), ...commandContext(ctx) });
  ctx.status = created ? 201 : 200;
  ctx.body = { report: presentReport(report, audienceOf(actor)) };
}

documentRoute({
  method: 'get',
  path: '/api/reports',
  tags: TAG,
  summary: '查询灾情上报（限本人负责的区域；村民只看自己的）',
  security: [{ bearer: [] }],
  request: { query: ReportListQuery },
  responses: { 200: { description: '一页上报', ...json(ReportPage) }, ...standardErrors },
});
async function listReports(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { town, village, ...rest } = parseInput(ReportListQuery, ctx.query);
  const page = await reportFinder(actor, { town, village, ...rest });
  ctx.body = { ...page, items: page.items.map((report) => presentReport(report, audienceOf(actor))) };
}

documentRoute({
  method: 'get',
  path: '/api/reports/mine',
  tags: TAG,
  summary: '我上报的灾情和处理进度',
  security: [{ bearer: [] }],
  request: { query: MineQuery },
  responses: { 200: { description: '一页上报', ...json(ReportPage) }, ...standardErrors },
});
async function myReports(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const page = await reportFinder(actor, { ...parseInput(MineQuery, ctx.query), mine: true });
  ctx.body = { ...page, items: page.items.map((report) => presentReport(report, audienceOf(actor))) };
}

documentRoute({
  method: 'get',
  path: '/api/reports/{id}',
  tags: TAG,
  summary: '一条灾情上报',
  security: [{ bearer: [] }],
  request: { params: ReportParams },
  responses: { ...ok('上报'), ...standardErrors },
});
async function showReport(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id } = parseInput(ReportParams, ctx.params);
  const report = await visibleReport(actor, id);
  ctx.body = { report: presentReport(report.toObject(), audienceOf(actor)) };
}

documentRoute({
  method: 'post',
  path: '/api/reports/{id}/assign',
  tags: TAG,
  summary: '分派上报给区域内的工作人员（镇街、区）',
  security: [{ bearer: [] }],
  request: { params: ReportParams, body: { required: true, ...json(AssignBody) } },
  responses: { ...ok('已分派'), ...standardErrors },
});
async function assignReport(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const { id } = parseInput(ReportParams, ctx.params);
  const { assigneeId } = parseInput(AssignBody, ctx.request.body);
  const report = await visibleReport(actor, id);
  if (!canAssignReport(actor, report)) throw forbidden('只有镇街和区里的工作人员可以分派上报');
  const updated = await reportAssigner({ report, actor, assigneeId, ...commandContext(ctx) });
  ctx.body = { report: presentReport(updated.toObject(), audienceOf(actor)) };
}

documentRoute({
  method: 'post',
  path: '/api/reports/{id}/status',
  tags: TAG,
  summary: '改变上报状态：submitted → verifying → verified → closed，或 rejected / duplicate（须说明原因）',
  security: [{ bearer: [] }],
  request: { params: ReportParams, body: { required: true, ...json(StatusBody) } },
  responses: { ...ok('已更新'), ...standardErrors },
});
async function changeStatus(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const { id } = parseInput(ReportParams, ctx.params);
  const { status, reason, duplicateOf } = parseInput(StatusBody, ctx.request.body);
  const report = await visibleReport(actor, id);
  if (!canChangeReportStatus(actor, report, status)) throw forbidden(`您的岗位不能把上报改为「${REPORT_STATUS_NAMES[status]}」`);
  const updated = await reportReviewer({ report, actor, to: status, reason, duplicateOf, ...commandContext(ctx) });
  ctx.body = { report: presentReport(updated.toObject(), audienceOf(actor)) };
}

/** `/api/reports`: damage reports (灾情上报), their review and assignment. */
export function reportsRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/reports' });
  router.post('/', createReport);
  router.get('/', listReports);
  router.get('/mine', myReports);
  router.get('/:id', showReport);
  router.post('/:id/assign', assignReport);
  router.post('/:id/status', changeStatus);
  return router;
}
