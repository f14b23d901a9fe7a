import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { SHA256_HEX, actorSchema } from './shared';

/**
 * An uploaded file (photo, scanned document), keyed by the SHA-256 of its content: the same photo uploaded
 * twice (an offline queue retrying) is one file, and reports list file ids. The bytes live in file storage.
 */
const fileObjectSchema = new Schema(
  {
    _id: { type: String, required: true, match: SHA256_HEX },
    mime: { type: String, required: true, match: /^[a-z]+\/[a-z0-9.+-]+$/ },
    size: { type: Number, required: true, min: 0, validate: Number.isInteger },
    originalName: { type: String },
    uploadedBy: { type: actorSchema, required: true },
    /** Others who uploaded the same bytes later: each of them may attach the file to their own reports. */
    alsoUploadedBy: { type: [actorSchema], default: [] },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

/** Fields of a file record. */
export type FileObjectFields = InferSchemaType<typeof fileObjectSchema>;
/** A loaded file record. */
export type FileObjectDocument = HydratedDocumentFromSchema<typeof fileObjectSchema>;
/** Uploaded files (collection `fileobjects`). */
export const FileObject = model('FileObject', fileObjectSchema);
