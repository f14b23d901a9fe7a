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

/** The owner keys of a submission (`owners` on reports and applications): the contact, the household, the staff member. */
export const ownerKey = {
  contact: (id: string): string => `contact:${id}`,
  household: (id: string): string => `household:${id}`,
  staff: (id: string): string => `staff:${id}`,
};

/** Every owner of a new submission: who filed it (a villager's contact or a staff member) and the household it is for. */
export function submissionOwners(actor: Submitter, householdId: string | undefined): string[] {
  const owners = [actor.kind === 'villager' ? ownerKey.contact(actor.contactId) : ownerKey.staff(actor.id)];
  if (householdId) owners.push(ownerKey.household(householdId));
  return owners;
}

/**
 * The filters of what the caller may list, plus the town/village asked for; a record matching any of them may be
 * listed. Villagers get their own (by contact, and by household: one filter each, as `$or` is not served by an
 * index); staff get their region, and asking for a town or village outside it is a 403 rather than an empty page,
 * so a mistake in the console is visible. Every filter is flat top-level equalities.
 */
export function submissionScope(actor: Submitter, search: SubmissionSearch): Record<string, string>[] {
  if (actor.kind === 'villager') {
    const own = [{ owners: ownerKey.contact(actor.contactId) }];
    if (actor.householdId) own.push({ owners: ownerKey.household(actor.householdId) });
    return own;
  }
  if (search.mine) return [{ owners: ownerKey.staff(actor.id) }];
  const wanted = search.village ?? search.town;
  if (wanted && !regionContains(actor.regionCode, wanted)) throw forbidden('只能查看自己负责区域的记录');
  return [
    {
      ...regionFilter(actor),
      ...(search.town ? { townCode: search.town } : {}),
      ...(search.village ? { villageCode: search.village } : {}),
    },
  ];
}

/** A villager's own records are few; this many per owner key is the most one list reads. */
const MAX_OWN_RECORDS = 500;

/** How a finder reads one filter of `submissionScope`: a page of it, and its count. */
export interface PageReader<T> {
  find(filter: Record<string, unknown>, skip: number, limit: number): Promise<T[]>;
  count(filter: Record<string, unknown>): Promise<number>;
}

/**
 * One page across the filters of `submissionScope`, each narrowed by `criteria`. A single filter is paged by the
 * database; several (a villager's contact and household) are read whole, merged without doubles, sorted with
 * `newestFirst` and paged here.
 */
export async function pageAcross<T extends { _id: unknown }>(
  filters: readonly Record<string, unknown>[],
  criteria: Record<string, unknown>,
  reader: PageReader<T>,
  newestFirst: (a: T, b: T) => number,
  search: Pick<SubmissionSearch, 'page' | 'pageSize'>,
): Promise<{ items: T[]; total: number; page: number; pageSize: number }> {
  const { page, pageSize } = search;
  const skip = (page - 1) * pageSize;
  const [only] = filters;
  if (filters.length === 1 && only) {
    const filter = { ...only, ...criteria };
    const [items, total] = await Promise.all([reader.find(filter, skip, pageSize), reader.count(filter)]);
    return { items, total, page, pageSize };
  }
  const found = await Promise.all(filters.map((filter) => reader.find({ ...filter, ...criteria }, 0, MAX_OWN_RECORDS)));
  const unique = new Map(found.flat().map((record) => [String(record._id), record]));
  const all = [...unique.values()].sort(newestFirst);
  return { items: all.slice(skip, skip + pageSize), total: all.length, page, pageSize };
}
