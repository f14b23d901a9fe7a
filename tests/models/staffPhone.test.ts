import { useTestDatabase } from '../helpers/db';
import { buildStaffUser, fakePhone } from '../helpers/factories';
import { StaffUser } from '../../models/staffUser';
import { hashPii, sealPii } from '../../lib/pii';

useTestDatabase();

describe('a staff member’s phone', () => {
  it('is found by its hash at the top level, kept when the phone changes or goes', async () => {
    const { staff } = await buildStaffUser();
    const first = fakePhone();
    staff.set('phone', sealPii('phone', first));
    await staff.save();
    expect((await StaffUser.findOne({ phoneHash: hashPii('phone', first) }).lean())?._id).toEqual(staff._id);

    const second = fakePhone();
    staff.set('phone', sealPii('phone', second));
    await staff.save();
    expect(await StaffUser.countDocuments({ phoneHash: hashPii('phone', first) })).toBe(0);
    expect((await StaffUser.findOne({ phoneHash: hashPii('phone', second) }).lean())?._id).toEqual(staff._id);

    staff.set('phone', undefined);
    await staff.save();
    expect((await StaffUser.findById(staff._id).lean())?.phoneHash).toBeUndefined();
  });
});
