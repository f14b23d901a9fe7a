import { useTestDatabase } from '../helpers/db';
import { getSetting, listSettings, setSetting } from '../../domain/core/settings';
import type { Actor } from '../../domain/core/actor';
import { AuditLog } from '../../models/auditLog';
import { Setting } from '../../models/setting';

useTestDatabase();

const admin: Actor = {
  kind: 'staff',
  id: '64b000000000000000000001',
  name: '区管理员',
  role: 'district_admin',
  regionCode: '500113000000',
};
const townOfficial: Actor = { ...admin, id: '64b000000000000000000002', role: 'town_official', regionCode: '500113109000' };

describe('settings', () => {
  it('answer the documented defaults when nothing is stored', async () => {
    expect(await getSetting('identificationDeadlineDays')).toBe(15);
    expect(await getSetting('incomeLineByYear')).toEqual({ '2021': 6000, '2023': 8000 });
    expect(await getSetting('followUpDays')).toEqual([7, 30, 90]);
    expect(await getSetting('greenChannelPaperworkDays')).toBe(15);
    expect(await getSetting('creditExtensionMaxMonths')).toBe(12);
    expect(await getSetting('loanDueAlertDays')).toBe(30);
    expect(await getSetting('warningAckMinutes')).toBe(30);
    expect(await getSetting('reliefAmounts')).toEqual({
      emergency: { yuanPerPersonDay: 20, maxDays: 15 },
      transition: { yuanPerPersonDay: 20, maxMonths: 3 },
      rebuild: { yuanPerRoom: 5000, yuanPerHousehold: 20000, householdRateFromRooms: 4 },
    });
    expect(await getSetting('scienceDayByYear')).toEqual({});
    expect(await getSetting('townConsolidation')).toEqual({});
  });

  it('never let a caller change the default by editing what it got', async () => {
    const line = await getSetting('incomeLineByYear');
    line['2021'] = 1;
    expect(await getSetting('incomeLineByYear')).toEqual({ '2021': 6000, '2023': 8000 });
  });

  it('store an admin override, audit it, and answer it afterwards', async () => {
    await setSetting('incomeLineByYear', { '2021': 6000, '2023': 8000, '2026': 9000 }, admin);

    expect(await getSetting('incomeLineByYear')).toEqual({ '2021': 6000, '2023': 8000, '2026': 9000 });
    const stored = await Setting.findById('incomeLineByYear').lean();
    expect(stored).toMatchObject({ updatedBy: { kind: 'staff', id: admin.id, role: 'district_admin' } });
    expect(stored?.updatedAt).toBeInstanceOf(Date);
    const audit = await AuditLog.find({ 'target.id': 'incomeLineByYear' }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'setting.update',
      target: { type: 'setting', id: 'incomeLineByYear' },
      details: { from: { '2021': 6000, '2023': 8000 }, to: { '2026': 9000 } },
    });

    await setSetting('warningAckMinutes', 20, admin);
    await setSetting('warningAckMinutes', 45, admin);
    expect(await getSetting('warningAckMinutes')).toBe(45);
    expect(await Setting.countDocuments({ _id: 'warningAckMinutes' })).toBe(1);
  });

  it('refuse invalid values, unknown keys and non-admins, storing nothing', async () => {
    await expect(setSetting('followUpDays', [30, 7], admin)).rejects.toMatchObject({ code: 'setting_invalid' });
    await expect(setSetting('loanDueAlertDays', '30', admin)).rejects.toMatchObject({ code: 'setting_invalid' });
    await expect(setSetting('noSuchSetting', 1, admin)).rejects.toMatchObject({ code: 'setting_not_found' });
    await expect(setSetting('loanDueAlertDays', 10, townOfficial)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await Setting.countDocuments({ _id: { $in: ['followUpDays', 'loanDueAlertDays', 'noSuchSetting'] } })).toBe(0);
    expect(await getSetting('loanDueAlertDays')).toBe(30);
  });

  it('fall back to the default when a stored value no longer fits its schema, and say so', async () => {
    await Setting.create({ _id: 'greenChannelPaperworkDays', value: 'fifteen', updatedBy: { kind: 'system' } });
    expect(await getSetting('greenChannelPaperworkDays')).toBe(15);
    const view = (await listSettings()).find((s) => s.key === 'greenChannelPaperworkDays');
    expect(view).toMatchObject({ source: 'invalid', value: 15, defaultValue: 15, label: '绿色通道补交材料期限（天）' });
  });
});
