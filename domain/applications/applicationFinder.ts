import type { QueryFilter } from 'mongoose';
import { Application, APPLICATION_STATUSES, type ApplicationFields } from '../../models/application';
import { APPLICATION_KINDS, CREDIT_KINDS } from '../../models/enums';
import { forbidden } from '../core/errors';
import { submissionScope, type SubmissionSearch } from '../core/submissionScope';
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
  const filter: QueryFilter<ApplicationFields> = submissionScope(actor, search, 'applicant.contactId');
  const creditOnly = actor.kind === 'staff' && actor.role === 'bank_officer';
  if (creditOnly && search.kind === 'green_channel') throw forbidden('银行工作人员只能查看信贷申请');
  if (search.kind) filter.kind = search.kind;
  else if (creditOnly) filter.kind = { $in: [...CREDIT_KINDS] };
  if (search.status) filter.status = search.status;
  if (search.paperworkDueBefore) filter.paperworkDueAt = { $lt: search.paperworkDueBefore };
  if (search.from || search.to)
    filter.submittedAt = { ...(search.from ? { $gte: search.from } : {}), ...(search.to ? { $lt: search.to } : {}) };
  const { page, pageSize } = search;
  const [items, total] = await Promise.all([
    Application.find(filter)
      .sort({ submittedAt: -1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    Application.countDocuments(filter),
  ]);
  return { items, total, page, pageSize };
}
