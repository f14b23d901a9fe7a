import { Types, type QueryFilter } from 'mongoose';
import { Report, type ReportFields } from '../../models/report';
import type { DisasterType } from '../../models/enums';
import type { ReportStatus } from './reportTransitions';
import { submissionScope, type SubmissionSearch } from '../core/submissionScope';
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
  const filter: QueryFilter<ReportFields> = submissionScope(actor, search, 'reporter.contactId');
  if (search.type) filter.disasterType = search.type;
  if (search.status) filter.status = search.status;
  if (search.eventId) filter.eventId = new Types.ObjectId(search.eventId);
  if (search.from || search.to)
    filter.reportedAt = { ...(search.from ? { $gte: search.from } : {}), ...(search.to ? { $lt: search.to } : {}) };
  const { page, pageSize } = search;
  const [items, total] = await Promise.all([
    Report.find(filter)
      .sort({ reportedAt: -1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    Report.countDocuments(filter),
  ]);
  return { items, total, page, pageSize };
}
