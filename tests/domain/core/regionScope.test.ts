import { inRegion, regionContains, regionFilter, regionLevel, townOf } from '../../../domain/core/regionScope';
import type { StaffActor } from '../../../domain/core/actor';

const DISTRICT = '500113000000';
const MUDONG = '500113109000';
const ZHONGBA = '500113109201';
const DONGWENQUAN = '500113110000';
const DONGWENQUAN_VILLAGE = '500113110201';

const staff = (regionCode: string): StaffActor => ({ kind: 'staff', id: 'a'.repeat(24), name: '测试', role: 'town_official', regionCode });

describe('region scope', () => {
  it('reads the level and the town from the code', () => {
    expect([regionLevel(DISTRICT), regionLevel(MUDONG), regionLevel(ZHONGBA)]).toEqual(['district', 'town', 'village']);
    expect(townOf(ZHONGBA)).toBe(MUDONG);
    expect(townOf(MUDONG)).toBe(MUDONG);
  });

  it.each([
    [DISTRICT, ZHONGBA, true],
    [DISTRICT, MUDONG, true],
    [MUDONG, ZHONGBA, true],
    [MUDONG, MUDONG, true],
    [MUDONG, DONGWENQUAN_VILLAGE, false],
    [MUDONG, DISTRICT, false],
    [ZHONGBA, ZHONGBA, true],
    [ZHONGBA, MUDONG, false],
    [ZHONGBA, DONGWENQUAN_VILLAGE, false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(regionContains(outer, inner)).toBe(expected);
  });

  it('filters a staff member to their region, and knows a record inside it', () => {
    expect(regionFilter(staff(DISTRICT))).toEqual({});
    expect(regionFilter(staff(MUDONG))).toEqual({ townCode: MUDONG });
    expect(regionFilter(staff(ZHONGBA))).toEqual({ villageCode: ZHONGBA });
    expect(inRegion(staff(MUDONG), { townCode: MUDONG, villageCode: ZHONGBA })).toBe(true);
    expect(inRegion(staff(MUDONG), { townCode: DONGWENQUAN, villageCode: DONGWENQUAN_VILLAGE })).toBe(false);
    expect(inRegion(staff(ZHONGBA), { townCode: MUDONG, villageCode: null })).toBe(false);
    expect(inRegion(staff(DISTRICT), { townCode: DONGWENQUAN })).toBe(true);
  });
});
