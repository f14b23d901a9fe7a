import type { FileObjectFields } from '../../models/fileObject';

/** The JSON of an uploaded file: its id (the content hash) to put in a report's `photoIds`, type and size. */
export function presentFile(file: FileObjectFields & { _id: string }) {
  return { id: file._id, mime: file.mime, size: file.size, createdAt: file.createdAt?.toISOString() };
}
