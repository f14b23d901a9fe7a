import type { CreditKind } from '../../models/enums';

/** Household categories that may borrow 脱贫人口小额信贷 (DOMAIN.md: 脱贫户 and 监测对象). */
export const CREDIT_CATEGORIES: readonly string[] = ['脱贫户', '监测对象'];

/** A loan of 脱贫人口小额信贷, top-ups included, is at most 5万元. */
export const CREDIT_MAX_YUAN = 50_000;

/** The longest renewal or top-up term, in months (DOMAIN.md: a loan runs at most 3 years). */
export const CREDIT_MAX_MONTHS = 36;

/** Whether a household may ask for credit relief: a 脱贫户 or a 监测对象 (by category or by monitoring type). */
export function isCreditEligible(household: { categories: readonly string[]; monitoringType?: string | null }): boolean {
  return Boolean(household.monitoringType) || household.categories.some((category) => CREDIT_CATEGORIES.includes(category));
}

/** The longest term a request of `kind` may ask for: an extension is capped by the setting, the rest by the loan term. */
export function maxRequestedMonths(kind: CreditKind, extensionMaxMonths: number): number {
  return kind === 'credit_extension' ? extensionMaxMonths : CREDIT_MAX_MONTHS;
}
