import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** The mini-program credentials the fake accepts; globalSetup puts them in the environment. */
export const FAKE_APP_ID = 'wxfake0000000000';
export const FAKE_APP_SECRET = 'fake-secret-0123456789abcdef';

/** What a code minted by `wxLogin` makes `jscode2session` answer. */
const Outcome = z.strictObject({
  openid: z.string().min(1),
  unionid: z.string().min(1).optional(),
  /** Answer `{ errcode }` instead of a session (45011 rate limit, 40226 high-risk user, -1 busy …). */
  errcode: z.number().int().optional(),
  /** Answer this HTTP status with a plain-text body, as a broken proxy would. */
  httpStatus: z.number().int().min(400).max(599).optional(),
});
export type FakeOutcome = z.infer<typeof Outcome>;

/** A running fake of WeChat's server API. */
export interface FakeWechat {
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/**
 * Starts a fake of `api.weixin.qq.com` on 127.0.0.1 with a free port. It speaks the `jscode2session` protocol:
 * codes are valid once (40163 when reused), unknown codes give 40029, a wrong app id 40013 and a wrong secret
 * 40125, all with HTTP 200 as WeChat does. Codes come from `POST /__fake/login`, the fake's stand-in for `wx.login`
 * on a phone.
 *
 * It runs once per test run (tests/globalSetup.ts), because the configuration is read once per test file, before a
 * per-file server could know its port; tests reach it over HTTP through `wxLogin`.
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const issued = new Map<string, FakeOutcome>();
  const used = new Set<string>();

  function jscode2session(query: URLSearchParams, res: http.ServerResponse): void {
    if (query.get('appid') !== FAKE_APP_ID) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
    if (query.get('secret') !== FAKE_APP_SECRET) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
    if (query.get('grant_type') !== 'authorization_code') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
    const code = query.get('js_code') ?? '';
    if (used.has(code)) return send(res, 200, { errcode: 40163, errmsg: 'code been used' });
    const outcome = issued.get(code);
    if (!outcome) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
    issued.delete(code);
    used.add(code);
    if (outcome.httpStatus) {
      res.writeHead(outcome.httpStatus, { 'Content-Type': 'text/plain' });
      res.end('upstream trouble');
      return;
    }
    if (outcome.errcode !== undefined) return send(res, 200, { errcode: outcome.errcode, errmsg: 'fake error' });
    const sessionKey = crypto.randomBytes(16).toString('base64');
    send(res, 200, { openid: outcome.openid, session_key: sessionKey, ...(outcome.unionid ? { unionid: outcome.unionid } : {}) });
  }

  async function mintCode(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const outcome = Outcome.safeParse(await readBody(req).catch(() => undefined));
    if (!outcome.success) return send(res, 400, { error: outcome.error.message });
    const code = crypto.randomBytes(16).toString('hex');
    issued.set(code, outcome.data);
    send(res, 200, { code });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') return jscode2session(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/__fake/login') {
      mintCode(req, res).catch(() => send(res, 500, { error: 'fake failed' }));
      return;
    }
    send(res, 404, { errcode: 404, errmsg: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * What `wx.login` does on a phone: asks (the fake) WeChat for a one-time code for `openid`. Give `errcode` or
 * `httpStatus` to make the exchange of this code fail that way.
 */
export async function wxLogin(openid: string, outcome: Omit<FakeOutcome, 'openid'> = {}): Promise<string> {
  const base = process.env.WECHAT_API_BASE;
  if (!base) throw new Error('WECHAT_API_BASE is not set: the fake WeChat starts in tests/globalSetup.ts');
  const response = await fetch(new URL('/__fake/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid, ...outcome }),
  });
  return z.object({ code: z.string() }).parse(await response.json()).code;
}
