import Router from '@koa/router';
import { z } from 'zod';
import { DisasterEvent } from '../../../models/disasterEvent';
import { DISASTER_TYPES } from '../../../models/enums';
import { disasterEventCloser } from '../../../domain/events/disasterEventCloser';
import { disasterEventCreator } from '../../../domain/events/disasterEventCreator';
import { notFound } from '../../../domain/core/errors';
import { DateTime, ObjectIdText } from '../../../domain/core/schema';
import { EventInput } from '../../../domain/events/schema';
import { parseInput } from '../../../domain/core/parseInput';
import { requireActor, requireStaff } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { presentEvent } from '../../presenters/event';
import type { AppContext, AppState } from '../../state';
import { commandContext } from '../context';
import { Page, PageQuery } from '../shared';

const TAG = ['灾害事件'];
const EventParams = z.strictObject({ id: ObjectIdText.meta({ title: '灾害事件' }) });
const CloseBody = z.strictObject({ endAt: DateTime('结束时间').optional() });
const EventListQuery = z.strictObject({ status: z.enum(['open', 'closed']).optional().meta({ title: '状态' }), ...PageQuery });
const EventView = z
  .looseObject({ id: z.string(), name: z.string(), disasterType: z.enum(DISASTER_TYPES), status: z.enum(['open', 'closed']) })
  .meta({ id: 'DisasterEvent' });
const EventResponse = z.object({ event: EventView });

documentRoute({
  method: 'post',
  path: '/api/events',
  tags: TAG,
  summary: '新建灾害事件（镇街：本镇街；区：全区）',
  security: [{ bearer: [] }],
  request: { body: { required: true, ...json(EventInput) } },
  responses: { 201: { description: '已新建', ...json(EventResponse) }, ...standardErrors },
});
async function createEvent(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const input = parseInput(EventInput, ctx.request.body);
  const event = await disasterEventCreator({ actor, input, ...commandContext(ctx) });
  ctx.status = 201;
  ctx.body = { event: presentEvent(event.toObject()) };
}

documentRoute({
  method: 'post',
  path: '/api/events/{id}/close',
  tags: TAG,
  summary: '结束灾害事件（之后不能再关联新上报）',
  security: [{ bearer: [] }],
  request: { params: EventParams, body: { required: false, ...json(CloseBody) } },
  responses: {
    200: { description: '已结束', ...json(EventResponse) },
    ...standardErrors,
    409: { ...standardErrors[400], description: '已经结束' },
  },
});
async function closeEvent(ctx: AppContext): Promise<void> {
  const actor = requireStaff(ctx);
  const { id } = parseInput(EventParams, ctx.params);
  const { endAt } = parseInput(CloseBody, ctx.request.body ?? {});
  const event = await DisasterEvent.findById(id).orFail(notFound('event_not_found', '没有找到这个灾害事件'));
  const closed = await disasterEventCloser({ actor, event, endAt, ...commandContext(ctx) });
  ctx.body = { event: presentEvent(closed.toObject()) };
}

documentRoute({
  method: 'get',
  path: '/api/events',
  tags: TAG,
  summary: '灾害事件列表（最近开始的在前）',
  security: [{ bearer: [] }],
  request: { query: EventListQuery },
  responses: { 200: { description: '一页事件', ...json(Page(EventView)) }, ...standardErrors },
});
async function listEvents(ctx: AppContext): Promise<void> {
  requireActor(ctx);
  const { status, page, pageSize } = parseInput(EventListQuery, ctx.query);
  const filter = status ? { status } : {};
  const [items, total] = await Promise.all([
    DisasterEvent.find(filter)
      .sort({ startAt: -1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    DisasterEvent.countDocuments(filter),
  ]);
  ctx.body = { items: items.map(presentEvent), total, page, pageSize };
}

/** `/api/events`: disaster events that reports attach to. Events name no one, so every signed-in person may list them. */
export function eventsRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/events' });
  router.post('/', createEvent);
  router.get('/', listEvents);
  router.post('/:id/close', closeEvent);
  return router;
}
