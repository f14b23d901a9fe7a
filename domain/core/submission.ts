import crypto from 'node:crypto';
import type { StaffActor, VillagerActor } from './actor';
import { isDuplicateKeyError } from '../../models/shared';
import { conflict } from './errors';

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
  /** Anything shaped like the command's input schema (`domain/schemas/`): parsed there, so every channel gets one rule set. */
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
  return crypto.createHash('sha256').update(JSON.stringify({ who, input: canonical(input) })).digest('hex');
}

/**
 * Idempotent insert without a scan: insert under the client's id; only when the id is taken (11000) read the
 * stored record back and compare content hashes. Same content → the stored record, `created: false`; different
 * content → 409 `conflictCode`. Concurrent twins race on the unique `_id`, which the database decides atomically.
 */
export async function insertOnce<T extends { contentHash: string }>(options: {
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
