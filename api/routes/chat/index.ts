import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import type { Inbound, Reply } from '../../../domain/conversations/messages';
import { parseInput } from '../../../domain/core/parseInput';
import { documentRoute, json, standardErrors } from '../../openapi';
import type { AppState } from '../../state';
import { ChatRequestSchema, ChatResponseSchema, type ChatRequest } from './schema';

documentRoute({
  method: 'post',
  path: '/api/chat',
  tags: ['chat'],
  summary: '网页聊天：村民发一条消息，得到机器人的回复',
  description: '匿名会话，以 sessionId 区分；同一 messageId 重发只处理一次（第二次回复为空）。和微信、终端用的是同一个对话引擎。',
  request: { body: json(ChatRequestSchema) },
  responses: {
    200: { description: '机器人的回复', ...json(ChatResponseSchema) },
    400: standardErrors[400],
    429: standardErrors[429],
  },
});

/** The engine's message for a web chat request. Message ids are scoped by session, so no page can claim another's. */
function toInbound(body: ChatRequest): Inbound {
  const base = { channel: 'web' as const, userId: body.sessionId, messageId: `${body.sessionId}.${body.messageId ?? crypto.randomUUID()}` };
  if (body.image) return { ...base, kind: 'image', image: body.image };
  if (body.location) return { ...base, kind: 'location', location: body.location };
  return { ...base, kind: 'text', text: body.text ?? '' };
}

/**
 * What the web chat needs of the bot: the engine `main.ts` creates once and shares with the WeChat channel, so that
 * all messages of a person pass through one per-user queue. The API never creates or imports the bot itself.
 */
export interface ChatEngine {
  handle(message: Inbound): Promise<Reply[]>;
}

/** `POST /api/chat` (mounted under the `/api` router). */
export function chatRouter(engine: ChatEngine): Router<AppState> {
  const router = new Router<AppState>();
  router.post('/chat', async function chat(ctx) {
    const body = parseInput(ChatRequestSchema, ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { replies: await engine.handle(toInbound(body)) };
  });
  return router;
}

const ASSETS_DIR = path.join(__dirname, 'assets');
const ASSET_TYPES: Readonly<Record<string, string>> = {
  'chat.css': 'text/css; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
};
// Read once at start: three small files, served from memory.
const ASSETS = new Map(
  [...Object.keys(ASSET_TYPES), 'chat.html'].map((name) => [name, fs.readFileSync(path.join(ASSETS_DIR, name), 'utf8')]),
);

/**
 * The web chat page at `/chat`: plain HTML, CSS and JS from this folder (no CDN), under a strict
 * Content-Security-Policy that allows nothing but its own files and `/api/chat`.
 */
export function chatPageRouter(): Router<AppState> {
  const router = new Router<AppState>();
  router.get('/chat', function chatPage(ctx) {
    ctx.set(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'",
    );
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'html';
    ctx.body = ASSETS.get('chat.html');
  });
  router.get('/chat/:asset', function chatAsset(ctx) {
    const type = ASSET_TYPES[ctx.params.asset ?? ''];
    if (!type) return;
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = type;
    ctx.body = ASSETS.get(ctx.params.asset ?? '');
  });
  return router;
}
