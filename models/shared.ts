import { Schema, type InferSchemaType } from 'mongoose';
import { ACTOR_KINDS } from './enums';
import { piiSchema } from './pii';

/** A 12-digit NBS region code (统计用区划代码). */
export const REGION_CODE = /^\d{12}$/;

/** A client-generated submission id: a UUID, so two phones never collide and a retry repeats it. */
export const CLIENT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A hex SHA-256 digest (content hashes, file ids). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Who did something: a staff user, a contact (villager), or the system (jobs). Names are copied for history. */
export const actorSchema = new Schema(
  {
    kind: { type: String, enum: ACTOR_KINDS, required: true },
    id: { type: String },
    role: { type: String },
    name: { type: String },
  },
  { _id: false },
);

/** The stored shape of an actor. */
export type Actor = InferSchemaType<typeof actorSchema>;

/** A point where something happened; plain numbers because FerretDB has no geo indexes. */
export const locationSchema = new Schema(
  {
    lat: { type: Number, min: -90, max: 90 },
    lng: { type: Number, min: -180, max: 180 },
    accuracyM: { type: Number, min: 0 },
    address: { type: String, trim: true },
  },
  { _id: false },
);

/** Who submitted a report or application: a contact (villager) or a staff user, with a copy of name and phone. */
export const submitterSchema = new Schema(
  {
    contactId: { type: Schema.Types.ObjectId, ref: 'Contact' },
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser' },
    name: { type: String, trim: true },
    phone: { type: piiSchema },
  },
  { _id: false },
);

/** 代报: a grid worker filing for a villager records that the villager agreed. */
export const onBehalfSchema = new Schema(
  {
    staffUserId: { type: Schema.Types.ObjectId, ref: 'StaffUser', required: true },
    villagerConsent: { type: Boolean, required: true },
    consentNote: { type: String },
  },
  { _id: false },
);

/**
 * One entry of a status history, for the given status list. Entries are appended by the command that changes
 * the status, in the same write as the status itself.
 */
export function statusChangeSchema<const S extends readonly string[]>(statuses: S) {
  return new Schema(
    {
      status: { type: String, enum: statuses, required: true },
      at: { type: Date, required: true },
      by: { type: actorSchema, required: true },
      reason: { type: String },
    },
    { _id: false },
  );
}

/** Thrown by model guards (never-delete, append-only); `code` is stable. */
export class ModelGuardError extends Error {
  override name = 'ModelGuardError';
  constructor(
    readonly code: 'record_never_deleted' | 'record_append_only',
    message: string,
  ) {
    super(message);
  }
}

const DELETE_QUERIES = ['deleteOne', 'deleteMany', 'findOneAndDelete'] as const;
const UPDATE_QUERIES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne'] as const;

/**
 * Refuses deletes through mongoose (queries, documents and bulk writes). For records that the rules say are
 * kept forever (monitoring cases). A raw driver call can still delete: this guards against mistakes, not malice.
 */
export function neverDelete(schema: Schema): void {
  const refuse = (): never => {
    throw new ModelGuardError('record_never_deleted', 'this record is kept forever and cannot be deleted');
  };
  schema.pre([...DELETE_QUERIES], { document: false, query: true }, refuse);
  schema.pre('deleteOne', { document: true, query: false }, refuse);
  schema.pre('bulkWrite', function refuseBulkDeletes(ops) {
    if (ops.some((op) => 'deleteOne' in op || 'deleteMany' in op)) refuse();
  });
}

/** Refuses updates and deletes through mongoose: the collection only grows (audit log). */
export function appendOnly(schema: Schema): void {
  const refuse = (): never => {
    throw new ModelGuardError('record_append_only', 'this record is append-only');
  };
  schema.pre([...DELETE_QUERIES, ...UPDATE_QUERIES], { document: false, query: true }, refuse);
  schema.pre('deleteOne', { document: true, query: false }, refuse);
  schema.pre('save', function refuseResave() {
    if (!this.isNew) refuse();
  });
  schema.pre('bulkWrite', function refuseBulkChanges(ops) {
    if (ops.some((op) => !('insertOne' in op))) refuse();
  });
}

/**
 * True for a unique-key conflict: code 11000 from MongoDB, and from FerretDB on inserts and upserts. FerretDB
 * 1.24 reports an *update* that collides with a unique index as code 1 (InternalError) carrying PostgreSQL's
 * "duplicate key value violates unique constraint" (SQLSTATE 23505); that form is recognised too.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  if (error.code === 11000) return true;
  if (error.code !== 1 || !('message' in error) || typeof error.message !== 'string') return false;
  return POSTGRES_UNIQUE.test(error.message);
}

const POSTGRES_UNIQUE = /duplicate key value violates unique constraint|SQLSTATE 23505/;
