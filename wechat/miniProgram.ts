import { z } from 'zod';
import { getConfig } from '../config';

/** What levee keeps from a `jscode2session` answer. `session_key` is dropped here on purpose: levee never needs it. */
export interface MiniProgramSession {
  openId: string;
  unionId?: string;
}

/**
 * Why a WeChat call failed. `not_configured`: app id or secret missing; `rejected`: WeChat answered with an
 * `errcode` (kept in `errcode`); `unreachable`: network error or timeout; `bad_response`: not the documented shape.
 */
export type WechatFailure = 'not_configured' | 'rejected' | 'unreachable' | 'bad_response';

/** A failed WeChat call. Callers map `kind` and `errcode` to their own errors. */
export class WechatError extends Error {
  override name = 'WechatError';
  constructor(
    readonly kind: WechatFailure,
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

const SessionAnswer = z.object({ openid: z.string().min(1), session_key: z.string().optional(), unionid: z.string().min(1).optional() });
const ErrorAnswer = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

/** The settings the client needs; by default they come from the configuration. */
export interface MiniProgramClientOptions {
  apiBase: string;
  appId?: string;
  secret?: string;
  timeoutMs?: number;
}

function optionsFromConfig(): MiniProgramClientOptions {
  const config = getConfig();
  return { apiBase: config.WECHAT_API_BASE, appId: config.WECHAT_MP_APPID, secret: config.WECHAT_MP_SECRET };
}

async function getJson(url: URL, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new WechatError('unreachable', `WeChat did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  // WeChat answers errors with HTTP 200 and an errcode; anything else is trouble on the way.
  if (!response.ok) throw new WechatError('bad_response', `WeChat answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new WechatError('bad_response', 'WeChat answered something that is not JSON');
  }
}

/**
 * Exchanges a mini-program `wx.login` code for the user's openid (`GET /sns/jscode2session`). A code is valid
 * once, for five minutes. Throws `WechatError`; never returns WeChat's `session_key`.
 */
export async function jscode2session(code: string, options: MiniProgramClientOptions = optionsFromConfig()): Promise<MiniProgramSession> {
  const { apiBase, appId, secret, timeoutMs = 5_000 } = options;
  if (!appId || !secret) throw new WechatError('not_configured', 'WECHAT_MP_APPID and WECHAT_MP_SECRET are not set');
  const url = new URL('/sns/jscode2session', apiBase);
  url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
  const body = await getJson(url, timeoutMs);
  const failed = ErrorAnswer.safeParse(body);
  if (failed.success && failed.data.errcode !== 0) {
    throw new WechatError('rejected', `jscode2session: ${failed.data.errcode} ${failed.data.errmsg ?? ''}`.trim(), failed.data.errcode);
  }
  const session = SessionAnswer.safeParse(body);
  if (!session.success) throw new WechatError('bad_response', 'jscode2session answered without an openid');
  return session.data.unionid ? { openId: session.data.openid, unionId: session.data.unionid } : { openId: session.data.openid };
}
