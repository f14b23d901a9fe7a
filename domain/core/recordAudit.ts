import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { AuditLog } from '../../models/auditLog';
import { ACTOR_KINDS } from '../../models/enums';
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

/** `action` as `models/auditLog.ts` requires it: `<target type>.<verb>`, lower case. */
const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;

/** An audit entry as stored (`AuditLogFields`), built plainly: no mongoose document on the way to the database. */
interface StoredEntry {
  _id: Types.ObjectId;
  actor: ReturnType<typeof storedActor>;
  action: string;
  target: AuditTarget;
  at: Date;
  requestId?: string;
  ip?: string;
  details?: Record<string, unknown>;
  actorId?: string;
  targetId: string;
}

/**
 * The rules of `models/auditLog.ts`, checked on the plain entry: what a mongoose validation of the entry checked,
 * without hydrating a document for it (about 0.1 ms each, on every audited change).
 */
function invalidEntry(entry: StoredEntry): string | undefined {
  if (!ACTOR_KINDS.includes(entry.actor.kind)) return `actor.kind: ${String(entry.actor.kind)}`;
  if (typeof entry.action !== 'string' || !ACTION.test(entry.action)) return `action: ${String(entry.action)}`;
  if (typeof entry.target.type !== 'string' || entry.target.type === '') return 'target.type is required';
  if (typeof entry.target.id !== 'string' || entry.target.id === '') return 'target.id is required';
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) return 'at must be a date';
  return undefined;
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
  const entry: StoredEntry = {
    _id: once ? onceId(action, target) : new Types.ObjectId(),
    at,
    actor: stored,
    action,
    target: { type: target.type, id: target.id },
    requestId,
    ip,
    // An empty object is left out, as mongoose did (minimize).
    details: details && Object.keys(details).length > 0 ? details : undefined,
    actorId: stored.id,
    targetId: target.id,
  };
  // Checked here, so an invalid entry fails only its own caller, never the batch it would have joined.
  const invalid = invalidEntry(entry);
  if (invalid) throw new Error(`invalid audit entry: ${invalid}`);
  try {
    await writeEntry(entry);
  } catch (error) {
    // Stored already: the same once-only entry was recorded before (a retry), or beside it in the same batch.
    if (once && isDuplicateKeyError(error)) return;
    throw error;
  }
}

/** Documents per insert command, so that one command stays small however long the queue grows. */
const MAX_BATCH = 100;

interface Queued<D> {
  doc: D;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The error of one document a bulk insert refused, as its own error: a MongoServerError with the write error's code. */
function ownError(writeError: mongoose.mongo.WriteError): mongoose.mongo.MongoServerError {
  return new mongoose.mongo.MongoServerError({
    message: writeError.errmsg ?? 'write error',
    errmsg: writeError.errmsg,
    code: writeError.code,
  });
}

/**
 * The error of each document a bulk insert refused, by index; undefined when the batch failed as a whole (every
 * caller gets the error: some documents may be stored, which a retry by id or a once-only entry turns into a no-op).
 */
function refusedDocuments(error: unknown): Map<number, mongoose.mongo.MongoServerError> | undefined {
  if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) return undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  // No write error, or a write concern error: nothing says which documents were stored durably.
  if (writeErrors.length === 0 || error.result.getWriteConcernError()) return undefined;
  return new Map(writeErrors.map((writeError) => [writeError.index, ownError(writeError)]));
}

/**
 * Group commit of plain documents into one collection: a document waiting alone is written at once (no added
 * latency), and documents that arrive while a write is in flight go out together in the next `insertMany`. Each
 * insert command is one FerretDB round trip and one PostgreSQL commit, whether it carries one document or a hundred,
 * so under load this is most of the database work of an insert saved. Each caller's promise settles only after its
 * own document is stored (resolves) or refused (rejects with its own error: a duplicate key is code 11000, as for
 * `insertOne`, so `isDuplicateKeyError` works), never because of another document of the batch. The documents must
 * be complete and valid as stored: nothing validates or fills them here; undefined fields are left out.
 */
export function groupInsert<D extends { _id: unknown }>(collection: () => mongoose.Collection): (doc: D) => Promise<void> {
  const queued: Queued<D>[] = [];
  let writing = false;

  async function writeQueued(): Promise<void> {
    writing = true;
    try {
      while (queued.length > 0) {
        const batch = queued.splice(0, MAX_BATCH);
        try {
          // The driver's insert types assume ObjectId ids; submissions use the client's UUID.
          const docs = batch.map((item) => item.doc) as unknown as mongoose.mongo.OptionalId<mongoose.mongo.Document>[];
          // Undefined fields are left out, as mongoose does (the driver would store them as null).
          await collection().insertMany(docs, { ordered: false, ignoreUndefined: true });
          for (const item of batch) item.resolve();
        } catch (error) {
          const refused = refusedDocuments(error);
          batch.forEach((item, index) => {
            const own = refused ? refused.get(index) : error;
            if (own === undefined) item.resolve();
            else item.reject(own);
          });
        }
      }
    } finally {
      writing = false;
    }
  }

  return (doc) =>
    new Promise<void>((resolve, reject) => {
      queued.push({ doc, resolve, reject });
      if (!writing) void writeQueued();
    });
}

/**
 * Audit entries are group-committed: under load one insert (and one PostgreSQL commit) carries the entries of many
 * changes, and each caller still returns only after its own entry is stored.
 */
const writeEntry = groupInsert<StoredEntry>(() => AuditLog.collection);
