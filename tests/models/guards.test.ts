import crypto from 'node:crypto';
import { Types } from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { REGIONS } from '../helpers/factories';
import { Application } from '../../models/application';
import { AuditLog } from '../../models/auditLog';
import { Conversation } from '../../models/conversation';
import { Household } from '../../models/household';
import { MonitoringCase } from '../../models/monitoringCase';
import { Report } from '../../models/report';
import { StaffUser } from '../../models/staffUser';

useTestDatabase();

const system = { kind: 'system' as const, name: '测试' };

function monitoringCase() {
  return {
    householdId: new Types.ObjectId(),
    villageCode: REGIONS.zhongba,
    townCode: REGIONS.mudong,
    leadSource: 'damage_report' as const,
    leadAt: new Date('2026-07-01T00:00:00Z'),
    deadlineAt: new Date('2026-07-16T00:00:00Z'),
    riskTypes: ['因灾' as const],
  };
}

describe('monitoring cases are never deleted', () => {
  it('refuses every kind of delete through mongoose and keeps the record', async () => {
    const doc = await MonitoringCase.create(monitoringCase());
    const refused = { code: 'record_never_deleted' };
    await expect(MonitoringCase.deleteOne({ _id: doc._id })).rejects.toMatchObject(refused);
    await expect(MonitoringCase.deleteMany({})).rejects.toMatchObject(refused);
    await expect(MonitoringCase.findOneAndDelete({ _id: doc._id })).rejects.toMatchObject(refused);
    await expect(doc.deleteOne()).rejects.toMatchObject(refused);
    await expect(MonitoringCase.bulkWrite([{ deleteOne: { filter: { _id: doc._id } } }])).rejects.toMatchObject(refused);
    expect(await MonitoringCase.countDocuments({ _id: doc._id })).toBe(1);
  });

  it('allows at most five risk types', async () => {
    const six = ['因病', '因残', '因学', '因灾', '缺劳动力', '其他'] as const;
    await expect(MonitoringCase.create({ ...monitoringCase(), riskTypes: [...six] })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    expect(await MonitoringCase.countDocuments({ riskTypes: '其他' })).toBe(0);
  });
});

describe('the audit log is append-only', () => {
  it('refuses updates, re-saves and deletes and keeps the entry as written', async () => {
    const entry = await AuditLog.create({
      actor: system,
      action: 'setting.update',
      target: { type: 'setting', id: 'warningAckMinutes' },
      at: new Date('2026-07-01T00:00:00Z'),
      details: { from: 30, to: 20 },
    });
    const refused = { code: 'record_append_only' };
    await expect(AuditLog.updateOne({ _id: entry._id }, { $set: { action: 'setting.delete' } })).rejects.toMatchObject(refused);
    await expect(AuditLog.findOneAndUpdate({ _id: entry._id }, { $set: { ip: '1.2.3.4' } })).rejects.toMatchObject(refused);
    await expect(AuditLog.deleteMany({})).rejects.toMatchObject(refused);
    entry.action = 'setting.delete';
    await expect(entry.save()).rejects.toMatchObject(refused);
    await expect(AuditLog.bulkWrite([{ updateOne: { filter: { _id: entry._id }, update: { $set: { ip: 'x' } } } }])).rejects.toMatchObject(
      refused,
    );
    const stored = await AuditLog.findById(entry._id).lean();
    expect(stored).toMatchObject({ action: 'setting.update', details: { from: 30, to: 20 } });
    expect(stored).not.toHaveProperty('ip');
  });
});

describe('schema rules', () => {
  const reportFields = (crops: { affectedMu: number; damagedMu: number; failedMu: number }) => ({
    _id: crypto.randomUUID(),
    contentHash: crypto.createHash('sha256').update(JSON.stringify(crops)).digest('hex'),
    receiptNo: `ZQ20260701-${String(crypto.randomInt(10_000)).padStart(4, '0')}`,
    source: 'bot' as const,
    reporter: { name: '王五' },
    townCode: REGIONS.mudong,
    disasterType: '洪涝' as const,
    occurredAt: new Date('2026-07-01T00:00:00Z'),
    reportedAt: new Date('2026-07-01T01:00:00Z'),
    damage: { crops },
  });

  it('keeps crop areas nested (受灾 ⊇ 成灾 ⊇ 绝收) and to one decimal', async () => {
    const ok = await Report.create(reportFields({ affectedMu: 3.5, damagedMu: 2.3, failedMu: 0.1 }));
    expect((await Report.findById(ok._id).lean())?.damage.crops).toEqual({ affectedMu: 3.5, damagedMu: 2.3, failedMu: 0.1 });
    for (const crops of [
      { affectedMu: 1, damagedMu: 2, failedMu: 0 },
      { affectedMu: 3, damagedMu: 2, failedMu: 2.5 },
      { affectedMu: 2.35, damagedMu: 0, failedMu: 0 },
    ]) {
      await expect(Report.create(reportFields(crops))).rejects.toMatchObject({ name: 'ValidationError' });
    }
    expect(await Report.countDocuments()).toBe(1);
  });

  it('requires the department of a department user and the bank of a bank officer', async () => {
    const base = { name: '赵六', regionCode: REGIONS.district, regionLevel: 'district' as const };
    await expect(StaffUser.create({ ...base, role: 'department', username: 'dept' })).rejects.toMatchObject({
      errors: { department: expect.anything() },
    });
    await expect(StaffUser.create({ ...base, role: 'bank_officer', username: 'bank' })).rejects.toMatchObject({
      errors: { bankName: expect.anything() },
    });
    await StaffUser.create({ ...base, role: 'department', department: '水利', username: 'water' });
    expect(await StaffUser.countDocuments({ username: { $in: ['dept', 'bank', 'water'] } })).toBe(1);
  });

  it('requires loan details on credit applications', async () => {
    const application = {
      _id: crypto.randomUUID(),
      contentHash: 'a'.repeat(64),
      receiptNo: 'XD20260701-0001',
      kind: 'credit_extension' as const,
      source: 'miniprogram' as const,
      applicant: { name: '钱七' },
      townCode: REGIONS.mudong,
      submittedAt: new Date('2026-07-01T00:00:00Z'),
    };
    await expect(Application.create(application)).rejects.toMatchObject({ errors: { credit: expect.anything() } });
    await Application.create({ ...application, credit: { bank: '重庆农村商业银行', requestedMonths: 12 } });
    expect(await Application.findById(application._id).lean()).toMatchObject({
      status: 'submitted',
      credit: { requestedMonths: 12 },
    });
  });

  it('keeps exactly one head (户主) per household', async () => {
    const household = {
      householdNo: 'HH-HEAD-1',
      villageCode: REGIONS.zhongba,
      townCode: REGIONS.mudong,
      head: { name: '孙八', relation: '户主' as const },
    };
    await expect(Household.create({ ...household, head: { name: '孙八', relation: '配偶' as const } })).rejects.toMatchObject({
      errors: { 'head.relation': expect.anything() },
    });
    await expect(Household.create({ ...household, members: [{ name: '孙九', relation: '户主' as const }] })).rejects.toMatchObject({
      errors: { members: expect.anything() },
    });
    await Household.create({ ...household, members: [{ name: '孙九', relation: '子' as const }] });
    expect(await Household.countDocuments({ householdNo: 'HH-HEAD-1' })).toBe(1);
  });

  it('keys conversations by channel and user', async () => {
    await expect(Conversation.create({ _id: 'web:someone-else', channel: 'web', userId: 'u1' })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await Conversation.create({ _id: 'web:u1', channel: 'web', userId: 'u1' });
    expect(await Conversation.findById('web:u1').lean()).toMatchObject({ draft: {}, failures: 0 });
  });
});
