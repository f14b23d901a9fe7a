import { Region } from '../../models/region';
import { Household, type HouseholdDocument } from '../../models/household';
import { isDuplicateKeyError } from '../../models/shared';
import { sealPii } from '../../lib/pii';
import type { StaffActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { conflict, invalid } from '../core/errors';
import { townOf } from '../core/regionScope';
import { checkGridWorker } from './checkGridWorker';
import { sealMember } from './members';
import type { NewHouseholdInput } from './schema';

/** The village's town, or a 400 when the code is not a village of Banan. */
async function townOfVillage(villageCode: string): Promise<string> {
  const village = await Region.findById(villageCode).lean();
  if (village?.level !== 'village') throw invalid('unknown_village', '「村（社区）」不是巴南区的村或社区');
  return village.townCode ?? townOf(villageCode);
}

/**
 * Adds a household to the register (authorized by `canCreateHousehold`; a grid worker's new household is in their
 * grid unless they name nobody else, which `canAssignGridWorker` forbids them). Records `household.create`.
 */
export async function createHousehold(props: {
  actor: StaffActor;
  input: NewHouseholdInput;
  gridWorkerId?: string;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<HouseholdDocument> {
  const { actor, input, gridWorkerId } = props;
  const townCode = await townOfVillage(input.villageCode);
  if (gridWorkerId) await checkGridWorker(gridWorkerId, input.villageCode);
  let household: HouseholdDocument;
  try {
    household = await Household.create({
      householdNo: input.householdNo,
      villageCode: input.villageCode,
      townCode,
      address: input.address,
      head: sealMember(input.head, '户主'),
      members: input.members.map((m) => sealMember(m, m.relation)),
      categories: input.categories,
      monitoringType: input.monitoringType,
      bankAccount: input.bankAccount ? sealPii('bankAccount', input.bankAccount) : undefined,
      gridWorkerId,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('household_no_taken', '这个户编号已经登记过了');
    throw error;
  }
  await recordAudit({
    actor,
    action: 'household.create',
    target: { type: 'household', id: household.id },
    requestId: props.requestId,
    ip: props.ip,
    details: { householdNo: input.householdNo, villageCode: input.villageCode },
    at: props.now,
  });
  return household;
}
