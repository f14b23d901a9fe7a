import regions from '../../../resources/banan-regions.json';
import { createVillageMatcher, shortTownName, shortVillageName } from '../../../bot/nlu';
import { assertSuite } from './assertSuite';
import { village } from './suites';

assertSuite(village);

describe('shortVillageName / shortTownName', () => {
  it.each([
    ['黄金林村村民委员会', '黄金林村'],
    ['百节社区居民委员会', '百节社区'],
    ['合建村社区居民委员会', '合建村社区'],
    ['桥上村', '桥上村'],
  ])('%s → %s', (full, short) => {
    expect(shortVillageName(full)).toBe(short);
  });

  it.each([
    ['木洞镇', '木洞'],
    ['龙洲湾街道', '龙洲湾'],
    ['木洞', '木洞'],
  ])('%s → %s', (full, short) => {
    expect(shortTownName(full)).toBe(short);
  });
});

describe('createVillageMatcher over the Banan table', () => {
  const matcher = createVillageMatcher(regions);

  it('has all 313 villages', () => {
    expect(matcher.villages).toHaveLength(313);
  });

  it('finds every village by its full name and by its short name', () => {
    for (const entry of matcher.villages) {
      expect(matcher.match(entry.name)).toStrictEqual(entry);
      expect(matcher.match(`我是${entry.townName}${entry.shortName}的`)).toStrictEqual(entry);
    }
  });

  it('names the town', () => {
    expect(matcher.matchTown('我是木洞的')).toStrictEqual({ code: '500113109000', name: '木洞镇', shortName: '木洞' });
    expect(matcher.matchTown('龙洲湾街道百节社区')?.code).toBe('500113003000');
    expect(matcher.matchTown('重庆')).toBeUndefined();
  });
});

describe('createVillageMatcher over a small table', () => {
  const matcher = createVillageMatcher({
    district: { code: '500199000000', name: '测试区' },
    towns: [
      {
        code: '500199001000',
        name: '甲镇',
        kind: 'town',
        villages: [{ code: '500199001200', name: '新华村村民委员会' }],
      },
      {
        code: '500199002000',
        name: '乙街道',
        kind: 'street',
        villages: [
          { code: '500199002001', name: '新华社区居民委员会' },
          { code: '500199002200', name: '石桥村村民委员会' },
        ],
      },
    ],
  });

  it('returns both candidates for a name shared by two towns', () => {
    const found = matcher.match('新华');
    expect(found !== undefined && 'ambiguous' in found ? found.ambiguous.map((v) => v.code) : found).toStrictEqual([
      '500199001200',
      '500199002001',
    ]);
  });

  it('uses the town to choose', () => {
    expect(matcher.match('乙街道新华')).toMatchObject({ code: '500199002001', townName: '乙街道' });
    expect(matcher.match('甲镇的新华')).toMatchObject({ code: '500199001200', shortName: '新华村' });
  });

  it('ignores names that are not in the table', () => {
    expect(matcher.match('我是丰盛镇桥上村的')).toBeUndefined();
  });
});
