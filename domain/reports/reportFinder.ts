import { Types, type QueryFilter } from 'mongoose';
import { Report, type ReportFields } from '../../models/report';
import { ReportDay } from '../../models/reportDay';
import { beijingDay } from '../../models/sequence';
import type { DisasterType } from '../../models/enums';
import type { ReportStatus } from './reportTransitions';
import { reportDayKey } from './reportDays';
import { pageAcross, submissionScope, type PageReader, type SubmissionSearch } from '../core/submissionScope';
import type { Submitter } from '../core/submission';

export interface ReportSearch extends SubmissionSearch {
  type?: DisasterType;
  status?: ReportStatus;
  eventId?: string;
}

/** A page of reports, newest first; `hasMore` says whether another page follows. */
export interface ReportPage {
  items: (ReportFields & { _id: string })[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

type StoredReport = ReportFields & { _id: string };

const newestFirst = (a: StoredReport, b: StoredReport): number =>
  b.reportedAt.getTime() - a.reportedAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/**
 * A region's page, read day by day: the days with reports (`ReportDay`) newest first, each day's reports by one
 * indexed key (`listKeys`), until the page is full. The database never loads the region's other days, which a
 * plain `find(region).sort().limit()` would make FerretDB do (it sorts and limits in Go).
 */
async function regionPage(regionCode: string, criteria: Record<string, unknown>, search: ReportSearch): Promise<ReportPage> {
  const { page, pageSize, from, to } = search;
  const first = from ? beijingDay(from) : undefined;
  const last = to ? beijingDay(new Date(to.getTime() - 1)) : undefined;
  const days = (await ReportDay.find({ regionCode }).lean())
    .map((row) => row.day)
    .filter((day) => (!first || day >= first) && (!last || day <= last))
    .sort()
    .reverse();
  const wanted = (page - 1) * pageSize + pageSize + 1;
  const found: StoredReport[] = [];
  for (const day of days) {
    const reports = await Report.find({ listKeys: reportDayKey(regionCode, day), ...criteria }).lean<StoredReport[]>();
    found.push(...reports.filter((report) => (!from || report.reportedAt >= from) && (!to || report.reportedAt < to)));
    if (found.length >= wanted) break;
  }
  found.sort(newestFirst);
  const skip = (page - 1) * pageSize;
  return { items: found.slice(skip, skip + pageSize), page, pageSize, hasMore: found.length > skip + pageSize };
}

/**
 * One page of reports the caller may see, newest first. Staff are confined to their region (asking for a town or
 * village outside it is a 403) and read it day by day; villagers, and staff asking for their own filings, read the
 * few records they own.
 */
export async function reportFinder(actor: Submitter, search: ReportSearch): Promise<ReportPage> {
  const scopes = submissionScope(actor, search);
  const criteria: QueryFilter<ReportFields> = {};
  if (search.type) criteria.disasterType = search.type;
  if (search.status) criteria.status = search.status;
  if (search.eventId) criteria.eventId = new Types.ObjectId(search.eventId);
  if (actor.kind === 'staff' && !search.mine) return regionPage(search.village ?? search.town ?? actor.regionCode, criteria, search);
  if (search.from || search.to)
    criteria.reportedAt = { ...(search.from ? { $gte: search.from } : {}), ...(search.to ? { $lt: search.to } : {}) };
  const reader: PageReader<StoredReport> = {
    find: (filter, skip, limit) => Report.find(filter).sort({ reportedAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
    count: (filter) => Report.countDocuments(filter),
  };
  const { items, total, page, pageSize } = await pageAcross(scopes, criteria, reader, newestFirst, search);
  return { items, page, pageSize, hasMore: total > (page - 1) * pageSize + items.length };
}
