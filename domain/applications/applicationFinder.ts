import type { QueryFilter } from 'mongoose';
import { Application, APPLICATION_STATUSES, type ApplicationFields } from '../../models/application';
import { APPLICATION_KINDS, CREDIT_KINDS } from '../../models/enums';
import { forbidden } from '../core/errors';
import { pageAcross, submissionScope, type PageReader, type SubmissionSearch } from '../core/submissionScope';
import type { Submitter } from '../core/submission';

export interface ApplicationSearch extends SubmissionSearch {
  kind?: (typeof APPLICATION_KINDS)[number];
  status?: (typeof APPLICATION_STATUSES)[number];
  /** Only those whose paperwork is due before this instant (green channel follow-up). */
  paperworkDueBefore?: Date;
}

/**
 * One page of applications the caller may see, newest first. Staff see their region; a bank officer sees credit
 * applications only (green-channel cases hold household hardship that a bank has no need to read).
 */
export async function applicationFinder(actor: Submitter, search: ApplicationSearch) {
  const criteria: QueryFilter<ApplicationFields> = {};
  const creditOnly = actor.kind === 'staff' && actor.role === 'bank_officer';
  if (creditOnly && search.kind === 'green_channel') throw forbidden('银行工作人员只能查看信贷申请');
  if (search.kind) criteria.kind = search.kind;
  else if (creditOnly) criteria.kind = { $in: [...CREDIT_KINDS] };
  if (search.status) criteria.status = search.status;
  if (search.paperworkDueBefore) criteria.paperworkDueAt = { $lt: search.paperworkDueBefore };
  if (search.from || search.to)
    criteria.submittedAt = { ...(search.from ? { $gte: search.from } : {}), ...(search.to ? { $lt: search.to } : {}) };
  const reader: PageReader<ApplicationFields & { _id: string }> = {
    find: (filter, skip, limit) => Application.find(filter).sort({ submittedAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
    count: (filter) => Application.countDocuments(filter),
  };
  return pageAcross(submissionScope(actor, search), criteria, reader, (a, b) => b.submittedAt.getTime() - a.submittedAt.getTime(), search);
}
