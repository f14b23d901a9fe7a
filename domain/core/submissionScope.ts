import { Types } from 'mongoose';
import { forbidden } from './errors';
import { regionContains, regionFilter } from './regionScope';
import type { Submitter } from './submission';

/** What every submission list can be narrowed by. */
export interface SubmissionSearch {
  town?: string;
  village?: string;
  /** At or after (the submission time). */
  from?: Date;
  /** Before. */
  to?: Date;
  /** Only what the caller filed (a villager: theirs or their household's; staff: those they filed or 代报). */
  mine?: boolean;
  page: number;
  pageSize: number;
}

/**
 * The filter of what the caller may list, plus the town/village asked for. Villagers get their own (by contact,
 * or by household); staff get their region, and asking for a town or village outside it is a 403 rather than an
 * empty page, so a mistake in the console is visible. `ownerPath` is where the submitter's contact id is stored.
 */
export function submissionScope(actor: Submitter, search: SubmissionSearch, ownerPath: string): Record<string, unknown> {
  if (actor.kind === 'villager') {
    const own: Record<string, unknown>[] = [{ [ownerPath]: new Types.ObjectId(actor.contactId) }];
    if (actor.householdId) own.push({ householdId: new Types.ObjectId(actor.householdId) });
    return { $or: own };
  }
  if (search.mine) return { 'createdBy.id': actor.id };
  const wanted = search.village ?? search.town;
  if (wanted && !regionContains(actor.regionCode, wanted)) throw forbidden('只能查看自己负责区域的记录');
  return {
    ...regionFilter(actor),
    ...(search.town ? { townCode: search.town } : {}),
    ...(search.village ? { villageCode: search.village } : {}),
  };
}
