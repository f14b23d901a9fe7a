import { Household, householdKey, normalizeName } from '../../models/household';
import type { HOUSEHOLD_CATEGORIES } from '../../models/enums';
import { hashPii } from '../../lib/pii';

/** A register search, already parsed; every criterion is optional and they all must hold. */
export interface HouseholdSearch {
  /** The head's or a member's name, or its start (two characters or more). */
  name?: string;
  idNumber?: string;
  phone?: string;
  villageCode?: string;
  category?: (typeof HOUSEHOLD_CATEGORIES)[number];
  page: number;
  pageSize: number;
}

/** The scope of the caller (`householdScopeFilter(actor)`): plain equalities on top-level fields. */
export type HouseholdScope = { townCode?: string; villageCode?: string; gridWorkerId?: string };

/** A person lookup matches a few households; more than this many for one key is not a lookup but a list. */
const MAX_KEY_MATCHES = 500;

/** The lookup keys the search names, most selective first. */
function searchKeys(search: HouseholdSearch): string[] {
  const keys: string[] = [];
  if (search.idNumber) keys.push(householdKey.idNumber(hashPii('idNumber', search.idNumber)));
  if (search.phone) keys.push(householdKey.phone(hashPii('phone', search.phone)));
  if (search.name) keys.push(householdKey.name(normalizeName(search.name)));
  return keys;
}

/**
 * Searches the register within `scope` (from `householdScopeFilter(actor)`, never from the request). Every filter is
 * a flat equality on top-level fields, which the embedded database answers from its indexes: a person (ID number,
 * phone, name) through one element of `keys`, further keys checked on the few households that one finds.
 */
export async function findHouseholds(scope: HouseholdScope, search: HouseholdSearch) {
  const page = { page: search.page, pageSize: search.pageSize };
  if (search.villageCode && scope.villageCode && search.villageCode !== scope.villageCode) return { items: [], total: 0, ...page };
  const filter: Record<string, unknown> = { ...scope };
  if (search.villageCode) filter.villageCode = search.villageCode;
  if (search.category) filter.categories = search.category;
  const skip = (search.page - 1) * search.pageSize;
  const [first, ...more] = searchKeys(search);
  if (first === undefined) {
    const [total, items] = await Promise.all([
      Household.countDocuments(filter),
      Household.find(filter).sort({ householdNo: 1 }).skip(skip).limit(search.pageSize).lean(),
    ]);
    return { items, total, ...page };
  }
  const found = await Household.find({ ...filter, keys: first })
    .limit(MAX_KEY_MATCHES)
    .lean();
  const matching = found
    .filter((household) => more.every((key) => household.keys.includes(key)))
    .sort((a, b) => a.householdNo.localeCompare(b.householdNo));
  return { items: matching.slice(skip, skip + search.pageSize), total: matching.length, ...page };
}
