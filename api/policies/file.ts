import type { Submitter } from '../../domain/core/submission';
import { uploadedBy } from '../../domain/files/photoAccess';
import { canViewReport, type ReportAccessFields } from './report';

/** The fields of a file record that decide who may read it. */
export interface FileAccessFields {
  uploadedBy: { kind: string; id?: string | null };
  alsoUploadedBy?: { kind: string; id?: string | null }[] | null;
}

/**
 * A photo is read by whoever uploaded it, and by whoever may see a report that references it: photos show
 * people's homes, so a file id alone (a content hash) opens nothing.
 */
export function canReadFile(actor: Submitter, file: FileAccessFields, referencingReports: readonly ReportAccessFields[]): boolean {
  return uploadedBy(file, actor) || referencingReports.some((report) => canViewReport(actor, report));
}
