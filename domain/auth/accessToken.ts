import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { getConfig } from '../../config';
import { STAFF_ROLES, type Actor } from '../core/actor';

/** Access tokens live briefly; the console renews them with its refresh token. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

const ISSUER = 'levee';

const Claims = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    sub: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    regionCode: z.string().regex(/^\d{12}$/),
    department: z.string().optional(),
  }),
  z.object({ kind: z.literal('villager'), sub: z.string(), householdId: z.string().optional(), name: z.string().optional() }),
]);

let hmacKey: { secret: string; key: KeyObject } | undefined;

/**
 * The HMAC key as a KeyObject, made once per secret. Given a string, jsonwebtoken first tries to parse it as a PEM
 * public key on every call and only falls back to a secret key after that throws: about a millisecond of CPU per
 * request, the largest single cost of an authenticated request.
 */
function tokenKey(): KeyObject {
  const secret = getConfig().AUTH_TOKEN_SECRET;
  if (hmacKey?.secret !== secret) hmacKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return hmacKey.key;
}

/** Signs a short-lived access token for a staff member or a villager. */
export function issueAccessToken(actor: Exclude<Actor, { kind: 'system' }>, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): string {
  const claims =
    actor.kind === 'staff'
      ? { kind: actor.kind, sub: actor.id, name: actor.name, role: actor.role, regionCode: actor.regionCode, department: actor.department }
      : { kind: actor.kind, sub: actor.contactId, householdId: actor.householdId, name: actor.name };
  return jwt.sign(claims, tokenKey(), { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER });
}

/** Verifies a token and returns the actor it names, or undefined when it is invalid or expired. */
export function verifyAccessToken(token: string): Exclude<Actor, { kind: 'system' }> | undefined {
  let decoded: unknown;
  try {
    decoded = jwt.verify(token, tokenKey(), { algorithms: ['HS256'], issuer: ISSUER });
  } catch {
    return undefined;
  }
  const claims = Claims.safeParse(decoded);
  if (!claims.success) return undefined;
  const c = claims.data;
  return c.kind === 'staff'
    ? { kind: 'staff', id: c.sub, name: c.name, role: c.role, regionCode: c.regionCode, department: c.department }
    : { kind: 'villager', contactId: c.sub, householdId: c.householdId, name: c.name };
}
