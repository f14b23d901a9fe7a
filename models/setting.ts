import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { actorSchema } from './shared';

/**
 * A district setting changed from its default (`domain/core/settings.ts` lists the keys, their zod schemas and
 * defaults; a missing row means "default"). `value` is validated there, on write and again on read.
 */
const settingSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: Schema.Types.Mixed, required: true },
    updatedBy: { type: actorSchema, required: true },
  },
  { timestamps: { createdAt: false, updatedAt: true }, minimize: false },
);

/** Fields of a stored setting. */
export type SettingFields = InferSchemaType<typeof settingSchema>;
/** A loaded setting. */
export type SettingDocument = HydratedDocumentFromSchema<typeof settingSchema>;
/** Settings changed from their defaults (collection `settings`). */
export const Setting = model('Setting', settingSchema);
