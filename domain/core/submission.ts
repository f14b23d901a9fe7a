import crypto from 'node:crypto';
import type { z } from 'zod';
import { isDuplicateKeyError } from '../../models/shared';
import type { StaffActor, VillagerActor } from './actor';
import { conflict } from './errors';
import { parseInput } from './parseInput';
import { recordAudit, storedActor } from './recordAudit';
import { ClientId } from './schema';

/** Where a submission came from (`models/enums.ts` SUBMISSION_SOURCES). */
export type SubmissionSource = 'bot' | 'miniprogram' | 'web' | 'console' | 'department';

/** Who may submit reports and applications: a villager, or a staff member (whose role the command checks). */
export type Submitter = StaffActor | VillagerActor;

/** What a submission command (`reportCreator`, `applicationCreator`) takes, whatever the channel. */
export interface SubmissionProps {
  /** The client-generated UUID; a retry repeats it. */
  id: string;
  source: SubmissionSource;
  actor: Submitter;
  /** Anything shaped like the command's input schema (`domain/<subject>/schema.ts`): parsed there, so every channel gets one rule set. */
  input: unknown;
  now: Date;
  requestId?: string;
  ip?: string;
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

/**
 * The hash that decides "same submission": the parsed input (defaults filled, keys sorted, so key order and
 * omitted zeros do not matter) plus who submitted it, so another person reusing an id is a conflict, not a read.
 */
export function contentHash(input: unknown, actor: Submitter): string {
  const who = actor.kind === 'staff' ? `staff:${actor.id}` : `contact:${actor.contactId}`;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ who, input: canonical(input) }))
    .digest('hex');
}

/** What every submission record is stamped with, whatever its kind. */
export interface SubmissionStamps {
  _id: string;
  contentHash: string;
  source: SubmissionSource;
  createdBy: ReturnType<typeof storedActor>;
}

/** What a submission command says about its own kind to `submitOnce`. */
export interface SubmissionKind<S extends z.ZodType, T extends { contentHash: string }> {
  /** The input schema (`domain/<subject>/schema.ts`). */
  schema: S;
  /** The 409 for the same id with other content. */
  conflict: { code: string; message: string };
  /** Checks the input against the database (throwing 4xx) and inserts the record with `stamps`. */
  insert(input: z.output<S>, stamps: SubmissionStamps): Promise<T>;
  readBack(id: string): Promise<T | null>;
  /** The audit entry of the creation (`action` like `report.create`), stored once whoever retries. */
  audit(record: T): { action: string; type: string; details: Record<string, unknown> };
}

/**
 * The one skeleton of every submission (reports, applications, the casework to come): parse the client id and the
 * input (400 `invalid_input` in Chinese), hash the content, insert once under the id, and audit the creation once. A retry
 * with the same id and content returns the stored record with `created: false`; other content is a 409.
 */
export async function submitOnce<S extends z.ZodType, T extends { contentHash: string }>(
  props: SubmissionProps,
  kind: SubmissionKind<S, T>,
): Promise<{ record: T; created: boolean }> {
  const { source, actor, now, requestId, ip } = props;
  const id = parseInput(ClientId, props.id);
  const input = parseInput(kind.schema, props.input);
  const hash = contentHash(input, actor);
  const result = await insertOnce({
    hash,
    conflictCode: kind.conflict.code,
    conflictMessage: kind.conflict.message,
    readBack: () => kind.readBack(id),
    insert: () => kind.insert(input, { _id: id, contentHash: hash, source, createdBy: storedActor(actor) }),
  });
  // Written once per record, also by a retry: a crash between the insert and its entry must not leave it unaudited.
  const { action, type, details } = kind.audit(result.record);
  await recordAudit({ actor, action, target: { type, id }, requestId, ip, at: now, details, once: true });
  return result;
}

/**
 * Idempotent insert without a scan: insert under the client's id; only when the id is taken (11000) read the
 * stored record back and compare content hashes. Same content → the stored record, `created: false`; different
 * content → 409 `conflictCode`. Concurrent twins race on the unique `_id`, which the database decides atomically.
 */
async function insertOnce<T extends { contentHash: string }>(options: {
  insert: () => Promise<T>;
  readBack: () => Promise<T | null>;
  hash: string;
  conflictCode: string;
  conflictMessage: string;
}): Promise<{ record: T; created: boolean }> {
  try {
    return { record: await options.insert(), created: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await options.readBack();
    if (!existing) throw error;
    if (existing.contentHash !== options.hash) throw conflict(options.conflictCode, options.conflictMessage);
    return { record: existing, created: false };
  }
}
