import { Household, householdByPersonHash } from '../../models/household';
import type { HOUSEHOLD_CATEGORIES } from '../../models/enums';
import { hashPii } from '../../lib/pii';

/** A register search, already parsed; every criterion is optional and they all must hold. */
export interface HouseholdSearch {
  /** The start of the head's or a member's name. */
  name?: string;
  idNumber?: string;
  phone?: string;
  villageCode?: string;
  category?: (typeof HOUSEHOLD_CATEGORIES)[number];
  page: number;
  pageSize: number;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Searches the register within `scope` (from `householdScopeFilter(actor)`, never from the request). ID numbers and
 * phones are matched through their lookup hash, for the head or any member. Two reads: the count and the page.
 */
export async function findHouseholds(scope: object, search: HouseholdSearch) {
  const criteria: object[] = [scope];
  if (search.name) {
    const prefix = { $regex: `^${escapeRegex(search.name)}` };
    criteria.push({ $or: [{ 'head.name': prefix }, { 'members.name': prefix }] });
  }
  if (search.idNumber) criteria.push(householdByPersonHash('idNumber', hashPii('idNumber', search.idNumber)));
  if (search.phone) criteria.push(householdByPersonHash('phone', hashPii('phone', search.phone)));
  if (search.villageCode) criteria.push({ villageCode: search.villageCode });
  if (search.category) criteria.push({ categories: search.category });
  const filter = { $and: criteria };
  const [total, items] = await Promise.all([
    Household.countDocuments(filter),
    Household.find(filter)
      .sort({ householdNo: 1 })
      .skip((search.page - 1) * search.pageSize)
      .limit(search.pageSize)
      .lean(),
  ]);
  return { items, total, page: search.page, pageSize: search.pageSize };
}
