import mongoose from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { demoSeeder, demoIdNumber, demoPhone } from '../../scripts/demo/demoSeeder';
import { Household } from '../../models/household';
import { StaffUser } from '../../models/staffUser';
import { Report } from '../../models/report';
import { hashPii } from '../../lib/pii';
import { HOUSEHOLD_CATEGORIES, STAFF_ROLES } from '../../models/enums';

useTestDatabase();

/** Everything the seed wrote, minus what legitimately differs per write (ciphertext IVs, timestamps). */
async function snapshot(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const dump: Record<string, unknown[]> = {};
  for (const name of ['households', 'staffusers', 'contacts', 'reports', 'regions']) {
    dump[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return JSON.stringify(dump, (key, value: unknown) => (key === 'enc' ? '<sealed>' : value));
}

describe('npm run seed:demo', () => {
  it('fills a demo district of every category and role, and a second run changes nothing', async () => {
    const first = await demoSeeder();
    expect(first).toEqual({ staff: 54, households: 300, contacts: 60, reports: 60 });
    const before = await snapshot();

    const second = await demoSeeder();
    expect(second).toEqual(first);
    expect(await snapshot()).toBe(before);

    const categories = await Household.distinct('categories', { demo: true });
    expect([...categories].sort()).toEqual([...HOUSEHOLD_CATEGORIES].sort());
    const roles = await StaffUser.distinct('role', { demo: true });
    expect([...roles].sort()).toEqual([...STAFF_ROLES].sort());
    expect(new Set(await Report.distinct('townCode')).size).toBe(5);
  }, 180_000);

  it('stores the fake ID numbers and phones sealed, findable by their hash', async () => {
    const household = await Household.findOne({ householdNo: 'DEMO-0001' }).lean().orFail();
    const raw = JSON.stringify(await mongoose.connection.db?.collection('households').findOne({ householdNo: 'DEMO-0001' }));
    expect(raw).not.toContain(demoPhone(1));
    expect(household.head.phone?.masked).toBe('170****0001');
    const found = await Household.findOne({ 'head.phone.hash': hashPii('phone', demoPhone(1)) }).lean();
    expect(found?._id.toString()).toBe(household._id.toString());
  });

  it('makes ID numbers with a valid check digit', () => {
    expect(demoIdNumber(1960, 3)).toMatch(/^500113196001019\d{2}[0-9X]$/);
    expect(demoIdNumber(1960, 3)).toHaveLength(18);
  });
});
