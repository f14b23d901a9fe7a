import Router from '@koa/router';
import { AuditLog } from '../../../models/auditLog';
import { DomainError } from '../../../domain/core/errors';
import { parseInput } from '../../../domain/core/parseInput';
import { requireStaff } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { authorize } from '../../policies/authorize';
import { canReadAuditLog } from '../../policies/audit';
import { presentAuditEntry } from '../../presenters/audit';
import type { AppContext, AppState } from '../../state';
import { AuditPage, AuditQuery } from './schema';

documentRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['审计日志'],
  summary: '审计日志：谁在何时对哪条记录做了什么（只有区管理员可以看；只能查，不能改、不能删）',
  security: [{ bearer: [] }],
  request: { query: AuditQuery },
  responses: { 200: { description: '一页日志，新的在前', ...json(AuditPage) }, ...standardErrors },
});
async function listAudit(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  authorize(canReadAuditLog(actor), () => new DomainError(403, 'forbidden', '只有区管理员可以查看审计日志'));
  const query = parseInput(AuditQuery, ctx.query);
  // Each criterion is copied field by field from the parsed query, so nothing else can reach the filter.
  const at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  const filter = {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { 'target.type': query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to ? { at } : {}),
  };
  const [total, items] = await Promise.all([
    AuditLog.countDocuments(filter),
    AuditLog.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
  ]);
  ctx.body = { items: items.map(presentAuditEntry), total, page: query.page, pageSize: query.pageSize };
}

/** `/api/audit`: the audit trail, read-only, for district admins. No route writes, edits or deletes it. */
export function auditRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/audit' });
  router.get('/', listAudit);
  return router;
}
