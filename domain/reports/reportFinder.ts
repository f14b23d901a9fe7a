import { Types, type QueryFilter } from 'mongoose';
import { Report, type ReportFields } from '../../models/report';
import type { DisasterType } from '../../models/enums';
import type { ReportStatus } from './reportTransitions';
import { pageAcross, submissionScope, type PageReader, type SubmissionSearch } from '../core/submissionScope';
import type { Submitter } from '../core/submission';

export interface ReportSearch extends SubmissionSearch {
  type?: DisasterType;
  status?: ReportStatus;
  eventId?: string;
}

/**
 * One page of reports the caller may see, newest first, with the total. Staff are confined to their region
 * (asking for a town or village outside it is a 403); villagers see only their own.
 */
export async function reportFinder(actor: Submitter, search: ReportSearch) {
  const criteria: QueryFilter<ReportFields> = {};
  if (search.type) criteria.disasterType = search.type;
  if (search.status) criteria.status = search.status;
  if (search.eventId) criteria.eventId = new Types.ObjectId(search.eventId);
  if (search.from || search.to)
    criteria.reportedAt = { ...(search.from ? { $gte: search.from } : {}), ...(search.to ? { $lt: search.to } : {}) };
  const reader: PageReader<ReportFields & { _id: string }> = {
    find: (filter, skip, limit) => Report.find(filter).sort({ reportedAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
    count: (filter) => Report.countDocuments(filter),
  };
  return pageAcross(submissionScope(actor, search), criteria, reader, (a, b) => b.reportedAt.getTime() - a.reportedAt.getTime(), search);
}
