import { useTestDatabase } from '../../helpers/db';
import { importRegions, regionAliases, regionShortName } from '../../../domain/regions/importRegions';
import { Region } from '../../../models/region';

useTestDatabase();

describe('regionShortName', () => {
  it.each([
    ['黄金林村村民委员会', '黄金林村'],
    ['百节社区居民委员会', '百节社区'],
    ['木洞镇', '木洞镇'],
    ['龙洲湾街道', '龙洲湾街道'],
  ])('%s → %s', (name, short) => {
    expect(regionShortName(name)).toBe(short);
  });

  it('adds the bare place name as an alias', () => {
    expect(regionAliases('木洞镇')).toEqual(['木洞']);
    expect(regionAliases('百节社区')).toEqual(['百节']);
    expect(regionAliases('龙洲湾街道')).toEqual(['龙洲湾']);
  });
});

describe('importRegions', () => {
  it('loads the district, 23 towns and 313 villages, and changes nothing the second time', async () => {
    const first = await importRegions();
    expect(first).toEqual({ district: 1, towns: 23, villages: 313, total: 337, inserted: 337, updated: 0, unchanged: 0 });
    const second = await importRegions();
    expect(second).toEqual({ district: 1, towns: 23, villages: 313, total: 337, inserted: 0, updated: 0, unchanged: 337 });

    expect(await Region.countDocuments()).toBe(337);
    expect(await Region.countDocuments({ level: 'district' })).toBe(1);
    expect(await Region.countDocuments({ level: 'town' })).toBe(23);
    expect(await Region.countDocuments({ level: 'town', kind: 'street' })).toBe(9);
    expect(await Region.countDocuments({ level: 'village' })).toBe(313);
  });

  it('repairs a region that drifted from the file and leaves the others alone', async () => {
    await importRegions();
    await Region.updateOne({ _id: '500113109200' }, { $set: { shortName: '旧名', path: [] } });
    const result = await importRegions();
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 336 });
    expect(await Region.findById('500113109200').lean()).toMatchObject({
      shortName: '中坝村',
      path: ['500113000000', '500113109000'],
    });
  });

  it('stores short names, the parent chain and the town of each village', async () => {
    await importRegions();
    expect(await Region.findById('500113114218').lean()).toEqual({
      _id: '500113114218',
      name: '黄金林村村民委员会',
      shortName: '黄金林村',
      aliases: ['黄金林'],
      level: 'village',
      parentCode: '500113114000',
      townCode: '500113114000',
      path: ['500113000000', '500113114000'],
    });
    expect(await Region.findById('500113003002').lean()).toMatchObject({ shortName: '百节社区', level: 'village' });
    expect(await Region.findById('500113109000').lean()).toMatchObject({
      shortName: '木洞镇',
      aliases: ['木洞'],
      kind: 'town',
      path: ['500113000000'],
    });
    expect(await Region.findById('500113000000').lean()).toMatchObject({ name: '巴南区', level: 'district', path: [] });
    expect(await Region.countDocuments({ path: '500113109000' })).toBe(18);
  });
});
