import crypto from 'node:crypto';
import { FileObject, type FileObjectDocument } from '../../models/fileObject';
import { isDuplicateKeyError } from '../../models/shared';
import { recordAudit, storedActor } from '../core/recordAudit';
import { DomainError } from '../core/errors';
import type { Submitter } from '../core/submission';
import { fileStorage } from './fileStore';
import { sniffImageType } from './imageType';
import { uploadedBy } from './photoAccess';

/** The largest photo accepted: phones send 2–5 MB; more is a video or a scan that belongs elsewhere. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** The 413 for a photo over the cap, shared with the HTTP layer that stops reading early. */
export const photoTooLarge = (): DomainError =>
  new DomainError(413, 'file_too_large', `照片太大了，单张不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);

export interface FileUploaderProps {
  bytes: Buffer;
  /** The name the phone gave; kept for people, never trusted for the type. */
  originalName?: string;
  actor: Submitter;
  now: Date;
  requestId?: string;
  ip?: string;
}

/**
 * Stores an uploaded photo by its content hash. The type is read from the bytes (JPEG, PNG, WebP), not from the
 * name or the declared type. The bytes are written before the record so a record never points at nothing; the same
 * bytes again are the same file (`created: false`) and a second uploader is added to `alsoUploadedBy`, so each may
 * attach it to their own reports. Audits `file.upload` when the file is new.
 */
export async function fileUploader({
  bytes,
  originalName,
  actor,
  now,
  requestId,
  ip,
}: FileUploaderProps): Promise<{ file: FileObjectDocument; created: boolean }> {
  if (bytes.length > MAX_PHOTO_BYTES) throw photoTooLarge();
  const mime = sniffImageType(bytes);
  if (!mime) throw new DomainError(415, 'unsupported_file_type', '只能上传 JPEG、PNG 或 WebP 格式的照片');
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');
  await fileStorage().put(hash, bytes);
  const by = storedActor(actor);
  try {
    const file = await FileObject.create({
      _id: hash,
      mime,
      size: bytes.length,
      originalName: originalName?.slice(0, 200),
      uploadedBy: by,
      createdAt: now,
    });
    await recordAudit({
      actor,
      action: 'file.upload',
      target: { type: 'file', id: hash },
      requestId,
      ip,
      at: now,
      details: { mime, size: bytes.length },
    });
    return { file, created: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const existing = await FileObject.findById(hash).orFail();
  if (!uploadedBy(existing, actor)) await FileObject.updateOne({ _id: hash }, { $addToSet: { alsoUploadedBy: by } });
  return { file: await FileObject.findById(hash).orFail(), created: false };
}
