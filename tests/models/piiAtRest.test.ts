import crypto from 'node:crypto';
import mongoose, { mongo } from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { REGIONS, buildHousehold, buildStaffUser, fakePhone } from '../helpers/factories';
import { hashPii, maskPhone, openPii, sealPii } from '../../lib/pii';
import { Contact } from '../../models/contact';
import { Household, householdByPersonHash } from '../../models/household';
import { Report } from '../../models/report';
import { StaffUser } from '../../models/staffUser';

useTestDatabase();

/** Every document of every collection of the test database, as one string. */
async function everythingStored(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const collections = await db.listCollections().toArray();
  const dumps = await Promise.all(collections.map((c) => db.collection(c.name).find({}).toArray()));
  return mongo.BSON.EJSON.stringify(dumps.flat());
}

describe('PII at rest', () => {
  it('finds a household by the head ID number, a member ID number and the head phone', async () => {
    const { household, secrets } = await buildHousehold();
    await buildHousehold();

    const byHeadId = await Household.find(householdByPersonHash('idNumber', hashPii('idNumber', secrets.headIdNumber))).lean();
    const byMemberId = await Household.find(
      householdByPersonHash('idNumber', hashPii('idNumber', ` ${secrets.memberIdNumber.toLowerCase()} `)),
    ).lean();
    const byPhone = await Household.find(householdByPersonHash('phone', hashPii('phone', `+86 ${secrets.headPhone}`))).lean();

    expect(byHeadId.map((h) => String(h._id))).toEqual([household.id]);
    expect(byMemberId.map((h) => String(h._id))).toEqual([household.id]);
    expect(byPhone.map((h) => String(h._id))).toEqual([household.id]);
    const [found] = byHeadId;
    expect(found?.head.idNumber && openPii(found.head.idNumber)).toBe(secrets.headIdNumber);
    expect(found?.head.idNumber?.masked).toBe(`${secrets.headIdNumber.slice(0, 4)}**********${secrets.headIdNumber.slice(-4)}`);
  });

  it('finds nobody for an unknown ID number', async () => {
    const found = await Household.find(householdByPersonHash('idNumber', hashPii('idNumber', '500113199912319999'))).lean();
    expect(found).toEqual([]);
  });

  it('stores no plaintext ID number, phone, bank account or health note in any collection', async () => {
    const { household, secrets } = await buildHousehold();
    const staffPhone = fakePhone();
    const contactPhone = fakePhone();
    const reporterPhone = fakePhone();
    const { staff } = await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba });
    await StaffUser.updateOne({ _id: staff._id }, { $set: { phone: sealPii('phone', staffPhone) } });
    const contact = await Contact.create({
      channel: 'wechaty',
      externalId: `wxid_${crypto.randomBytes(4).toString('hex')}`,
      phone: sealPii('phone', contactPhone),
      householdId: household._id,
    });
    await Report.create({
      _id: crypto.randomUUID(),
      contentHash: crypto.createHash('sha256').update('report').digest('hex'),
      receiptNo: 'ZQ20260701-0001',
      source: 'bot',
      reporter: { contactId: contact._id, name: '张三', phone: sealPii('phone', reporterPhone) },
      householdId: household._id,
      villageCode: REGIONS.zhongba,
      townCode: REGIONS.mudong,
      disasterType: '洪涝',
      occurredAt: new Date('2026-07-01T02:00:00Z'),
      reportedAt: new Date('2026-07-01T03:00:00Z'),
    });

    const stored = await everythingStored();

    // The documents are there, in sealed and masked form…
    expect(stored).toContain(maskPhone(secrets.headPhone));
    expect(stored).toContain('（已隐藏）');
    // …and no plaintext value is, in any form a search would find.
    for (const plain of [
      secrets.headIdNumber,
      secrets.memberIdNumber,
      secrets.headPhone,
      secrets.bankAccount,
      staffPhone,
      contactPhone,
      reporterPhone,
      '高血压',
    ]) {
      expect(stored).not.toContain(plain);
    }
  });

  it('refuses a plaintext value written where a sealed one belongs', async () => {
    const { household, secrets } = await buildHousehold();
    household.set('head.phone', { enc: secrets.headPhone, masked: secrets.headPhone });
    await expect(household.save()).rejects.toMatchObject({ name: 'ValidationError' });
    const stored = await Household.findById(household._id).lean();
    expect(stored?.head.phone?.enc).toMatch(/^v1\./);
  });
});
