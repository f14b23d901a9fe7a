import { CREDIT_MAX_MONTHS, isCreditEligible, maxRequestedMonths } from '../../../domain/credit/eligibility';

describe('credit relief eligibility', () => {
  it.each([
    [{ categories: ['脱贫户'] }, true],
    [{ categories: ['一般农户', '监测对象'] }, true],
    [{ categories: ['一般农户'], monitoringType: '突发严重困难户' }, true],
    [{ categories: ['一般农户'] }, false],
    [{ categories: ['低保户'], monitoringType: null }, false],
    [{ categories: [] }, false],
  ])('%j may ask: %s', (household, expected) => {
    expect(isCreditEligible(household)).toBe(expected);
  });

  it('caps an extension by the setting and other requests by the three-year loan term', () => {
    expect(maxRequestedMonths('credit_extension', 12)).toBe(12);
    expect(maxRequestedMonths('credit_renewal', 12)).toBe(CREDIT_MAX_MONTHS);
    expect(maxRequestedMonths('credit_topup', 12)).toBe(36);
  });
});
