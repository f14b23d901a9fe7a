import crypto from 'node:crypto';
import { useTestDatabase } from '../../helpers/db';
import { buildStaffUser, REGIONS } from '../../helpers/factories';
import { importRegions } from '../../../domain/regions/importRegions';
import { reportCreator } from '../../../domain/reports/reportCreator';
import { reportFinder } from '../../../domain/reports/reportFinder';
import { ReportDay } from '../../../models/reportDay';
import type { StaffActor } from '../../../domain/core/actor';

useTestDatabase();

/** Filed at noon Beijing time on 2026-07-(day), a few minutes apart. */
const at = (day: number, minute = 0): Date =>
  new Date(`2026-07-${String(day).padStart(2, '0')}T12:${String(minute).padStart(2, '0')}:00+08:00`);

async function file(actor: StaffActor, villageCode: string, now: Date, disasterType = '洪涝'): Promise<string> {
  const id = crypto.randomUUID();
  const input = { villageCode, disasterType, occurredAt: now.toISOString(), damage: { people: { affected: 1 } } };
  await reportCreator({ id, source: 'miniprogram', actor, input, now });
  return id;
}

describe('a region’s reports, page by page, read day by day', () => {
  let town: StaffActor;
  const filed: Record<string, string> = {};

  beforeAll(async () => {
    await importRegions();
    town = (await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong })).actor;
    const zhongba = (await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba })).actor;
    const elsewhere = (await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.huangjinlin })).actor;
    filed.d20a = await file(zhongba, REGIONS.zhongba, at(20, 1));
    filed.d20b = await file(zhongba, REGIONS.zhongba, at(20, 2), '风雹');
    filed.d22 = await file(zhongba, REGIONS.zhongba, at(22));
    filed.d25a = await file(zhongba, REGIONS.zhongba, at(25, 1));
    filed.d25b = await file(zhongba, REGIONS.zhongba, at(25, 2));
    filed.other = await file(elsewhere, REGIONS.huangjinlin, at(25, 3));
  });

  const ids = (page: { items: { _id: string }[] }): string[] => page.items.map((report) => report._id);

  it('marks each day once per region: district, town and village', async () => {
    const days = await ReportDay.find({ regionCode: REGIONS.mudong }).lean();
    expect(days.map((row) => row.day).sort()).toEqual(['20260720', '20260722', '20260725']);
    expect(await ReportDay.countDocuments({ regionCode: '500113000000' })).toBe(3);
  });

  it('pages newest first across days, saying whether more follow, and never shows another town', async () => {
    const first = await reportFinder(town, { page: 1, pageSize: 2 });
    expect([ids(first), first.hasMore]).toEqual([[filed.d25b, filed.d25a], true]);
    const second = await reportFinder(town, { page: 2, pageSize: 2 });
    expect([ids(second), second.hasMore]).toEqual([[filed.d22, filed.d20b], true]);
    const third = await reportFinder(town, { page: 3, pageSize: 2 });
    expect([ids(third), third.hasMore]).toEqual([[filed.d20a], false]);
  });

  it('narrows by days, type and village like the old list did', async () => {
    const window = await reportFinder(town, { page: 1, pageSize: 20, from: at(21, 0), to: at(25, 2) });
    expect(ids(window)).toEqual([filed.d25a, filed.d22]);
    const hail = await reportFinder(town, { page: 1, pageSize: 20, type: '风雹' });
    expect(ids(hail)).toEqual([filed.d20b]);
    const village = await reportFinder(town, { page: 1, pageSize: 20, village: REGIONS.huangjinlin }).catch((error: unknown) => error);
    expect(village).toMatchObject({ status: 403 });
    const district = await reportFinder({ ...town, role: 'district_admin', regionCode: '500113000000' }, { page: 1, pageSize: 3 });
    expect([ids(district), district.hasMore]).toEqual([[filed.other, filed.d25b, filed.d25a], true]);
  });
});
