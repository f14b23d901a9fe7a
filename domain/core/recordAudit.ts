import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { AuditLog, type AuditLogDocument } from '../../models/auditLog';
import { isDuplicateKeyError } from '../../models/shared';
import type { Actor } from './actor';

/** What an audit entry is about: a model name in lower camel case (`household`, `report`) and the record's id. */
export interface AuditTarget {
  type: string;
  id: string;
}

/** One entry of the audit trail. */
export interface AuditEntry {
  /** Who did it: staff, villager or system. */
  actor: Actor;
  /**
   * `<target type>.<verb>`, e.g. `household.create`, `household.update`, `household.reveal`, `report.review`,
   * `export.households`. Reads of personal data (reveal, export) are recorded like changes.
   */
  action: string;
  target: AuditTarget;
  /** `ctx.state.requestId` in routes; the job or message id elsewhere. */
  requestId?: string;
  /** `ctx.ip` in routes. */
  ip?: string;
  /**
   * What changed or why: field names, old/new statuses, the stated reason of a reveal. Never plaintext personal
   * data (ID numbers, phones, bank accounts, health): name the fields instead.
   */
  details?: Record<string, unknown>;
  /** When it happened; defaults to the current time. */
  at?: Date;
  /**
   * The entry happens once per action and target (`report.create` of one report): its id is derived from both, so
   * recording it again (a retried submission whose first try crashed before its entry) stores nothing new.
   */
  once?: boolean;
}

/** The id of a once-only entry: the first 12 bytes of a hash of its action and target. */
function onceId(action: string, target: AuditTarget): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha256').update(`${action}\n${target.type}\n${target.id}`).digest().subarray(0, 12));
}

/** The stored form of an actor: villagers are recorded as their contact. */
export function storedActor(actor: Actor): { kind: 'staff' | 'contact' | 'system'; id?: string; role?: string; name?: string } {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, role: actor.role, name: actor.name };
  if (actor.kind === 'villager') return { kind: 'contact', id: actor.contactId, name: actor.name };
  return { kind: 'system', name: actor.name };
}

/**
 * Appends one entry to the audit log. Call it after the change it records has been written (a failed change then
 * leaves no entry) and before personal data is returned (a failed audit then returns nothing). The log is
 * append-only: nothing in levee edits or deletes an entry.
 *
 * @example
 * await recordAudit({ actor, action: 'report.review', target: { type: 'report', id: report.id },
 *   requestId: ctx.state.requestId, ip: ctx.ip, details: { from: 'submitted', to: 'accepted' } });
 */
export async function recordAudit({
  actor,
  action,
  target,
  requestId,
  ip,
  details,
  at = new Date(),
  once = false,
}: AuditEntry): Promise<void> {
  const stored = storedActor(actor);
  const entry = new AuditLog({
    ...(once ? { _id: onceId(action, target) } : {}),
    at,
    actor: stored,
    action,
    target,
    requestId,
    ip,
    details,
    actorId: stored.id,
    targetId: target.id,
  });
  // Validated here, so an invalid entry fails only its own caller, never the batch it would have joined.
  await entry.validate();
  await new Promise<void>((resolve, reject) => {
    queued.push({ entry, once, resolve, reject });
    if (!writing) void writeQueued();
  });
}

/** Entries per insert, so that one command stays small however long the queue grows. */
const MAX_BATCH = 100;

interface QueuedEntry {
  entry: AuditLogDocument;
  once: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const queued: QueuedEntry[] = [];
let writing = false;

/**
 * Group commit: one entry waiting alone is written at once (no added latency), and entries that arrive while a
 * write is in flight go out together in the next `insertMany`. Under load this turns one insert command (and one
 * PostgreSQL commit) per audited change into one per batch, which is most of the database work of an audit entry.
 * Each caller still returns only after its entry is stored. If a batch fails, every caller in it gets the error,
 * as if its own insert had failed (some entries may then be stored: the log is append-only, an extra entry is safe).
 */
async function writeQueued(): Promise<void> {
  writing = true;
  try {
    while (queued.length > 0) {
      const batch = queued.splice(0, MAX_BATCH);
      try {
        // lean: the entries were validated on the way in; this skips mongoose validating and hydrating them again.
        await AuditLog.insertMany(
          batch.map((item) => item.entry.toObject()),
          { ordered: false, lean: true },
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        settleFailedBatch(batch, error);
      }
    }
  } finally {
    writing = false;
  }
}

/** The index and error of each entry a bulk insert refused, or undefined when the whole batch failed. */
function refusedEntries(error: unknown): Map<number, unknown> | undefined {
  if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) return undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return new Map(writeErrors.map((writeError) => [writeError.index, writeError]));
}

/**
 * After a batch failed: an entry the database refused as a duplicate of a once-only entry is already stored, so its
 * caller succeeds; an entry that was not refused is stored too; every other caller gets the error.
 */
function settleFailedBatch(batch: readonly QueuedEntry[], error: unknown): void {
  const refused = refusedEntries(error);
  batch.forEach((item, index) => {
    if (!refused) return item.reject(error);
    const own = refused.get(index);
    if (own === undefined || (item.once && isDuplicateKeyError(own))) return item.resolve();
    item.reject(error);
  });
}
