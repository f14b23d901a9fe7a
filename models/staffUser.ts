import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { DEPARTMENTS, REGION_LEVELS, STAFF_ROLES } from './enums';
import { piiSchema } from './pii';
import { REGION_CODE } from './shared';

/**
 * A staff account: grid worker, cadre, official, department or bank officer. `regionCode`/`regionLevel` is the
 * scope every query of theirs is filtered by. `department` is required for role `department`, `bankName` for
 * `bank_officer`.
 *
 * `wechatOpenId` (mini-program login) is unique through a *sparse* unique index, so accounts not yet bound
 * carry no value at all: on MongoDB a non-sparse unique index would count every unbound account as a duplicate
 * `null`, while FerretDB would not — sparse behaves the same on both (tests/models prove it on the server).
 * The setter turns '' and null into "absent", because a stored null *is* indexed and would collide.
 *
 * `passwordHash` is not `select: false`: mongoose then adds a projection to `findOneAndUpdate`, which FerretDB
 * refuses. Presenters leave it out instead.
 */
const staffUserSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    department: {
      type: String,
      enum: DEPARTMENTS,
      required: function requiredForDepartment(this: { role?: string }) {
        return this.role === 'department';
      },
    },
    bankName: {
      type: String,
      trim: true,
      required: function requiredForBank(this: { role?: string }) {
        return this.role === 'bank_officer';
      },
    },
    regionCode: { type: String, required: true, match: REGION_CODE },
    regionLevel: { type: String, enum: REGION_LEVELS, required: true },
    phone: { type: piiSchema },
    /** `phone.hash` again at the top level (kept on every save): a lookup by phone is an indexed equality on the embedded database. */
    phoneHash: { type: String },
    wechatOpenId: {
      type: String,
      set: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    },
    username: { type: String, required: true, trim: true, lowercase: true },
    passwordHash: { type: String },
    failedLogins: { type: Number, default: 0, min: 0 },
    lockedUntil: { type: Date },
    lastLoginAt: { type: Date },
    active: { type: Boolean, default: true },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

staffUserSchema.index({ username: 1 }, { unique: true });
staffUserSchema.index({ wechatOpenId: 1 }, { unique: true, sparse: true });
staffUserSchema.index({ regionCode: 1, role: 1 });
staffUserSchema.index({ phoneHash: 1 });

staffUserSchema.pre('validate', function keepPhoneHash() {
  this.phoneHash = this.phone?.hash ?? undefined;
});

/** Fields of a staff user. */
export type StaffUserFields = InferSchemaType<typeof staffUserSchema>;
/** A loaded staff user document. */
export type StaffUserDocument = HydratedDocumentFromSchema<typeof staffUserSchema>;
/** Staff accounts (collection `staffusers`). */
export const StaffUser = model('StaffUser', staffUserSchema);
