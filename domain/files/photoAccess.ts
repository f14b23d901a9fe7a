import { FileObject } from '../../models/fileObject';
import { invalid } from '../core/errors';
import type { Submitter } from '../core/submission';

type StoredActor = { kind: string; id?: string | null };

/** Whether this actor uploaded the file (first, or the same bytes later). */
export function uploadedBy(file: { uploadedBy: StoredActor; alsoUploadedBy?: StoredActor[] | null }, actor: Submitter): boolean {
  const id = actor.kind === 'staff' ? actor.id : actor.contactId;
  const kind = actor.kind === 'staff' ? 'staff' : 'contact';
  return [file.uploadedBy, ...(file.alsoUploadedBy ?? [])].some((who) => who.kind === kind && who.id === id);
}

/**
 * Photos a submission may reference: they exist and this actor uploaded them. Otherwise anyone who learnt a file's
 * id (a content hash) could attach someone else's photo to their report and then read it through the report.
 */
export async function assertUsablePhotos(photoIds: readonly string[], actor: Submitter): Promise<void> {
  if (photoIds.length === 0) return;
  const files = await FileObject.find({ _id: { $in: [...new Set(photoIds)] } }, { uploadedBy: 1, alsoUploadedBy: 1 }).lean();
  const usable = new Set(files.filter((file) => uploadedBy(file, actor)).map((file) => file._id));
  const missing = photoIds.filter((id) => !usable.has(id));
  if (missing.length > 0) {
    throw invalid('photo_not_found', `有 ${missing.length} 张照片没有找到，请重新上传后再提交`, { photoIds: missing });
  }
}
