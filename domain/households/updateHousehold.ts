import { Types } from 'mongoose';
import { z } from 'zod';
import { Household, householdKeysOf, type HouseholdDocument } from '../../models/household';
import { sealPii } from '../../lib/pii';
import type { StaffActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';
import { checkGridWorker } from './checkGridWorker';
import { mergeHead, mergeMember } from './members';
import type { HouseholdChanges } from './schema';

/** What the lookup keys are made of, read from a merged member (sealed values carry their hash). */
const PersonKeys = z.object({
  name: z.string(),
  idNumber: z.object({ hash: z.string().nullish() }).nullish(),
  phone: z.object({ hash: z.string().nullish() }).nullish(),
});

/**
 * Applies changes to a household (authorized by `canUpdateHousehold`, and `canAssignGridWorker` when
 * `gridWorkerId` is among them). Records `household.update` with the names of the changed fields, never values.
 */
export async function updateHousehold(props: {
  actor: StaffActor;
  household: HouseholdDocument;
  changes: HouseholdChanges;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<HouseholdDocument> {
  const { actor, household, changes } = props;
  if (changes.gridWorkerId) await checkGridWorker(changes.gridWorkerId, household.villageCode);
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  const put = (field: string, value: unknown): void => {
    if (value === null) unset[field] = '';
    else set[field] = value;
  };
  if (changes.address !== undefined) put('address', changes.address);
  if (changes.categories !== undefined) put('categories', changes.categories);
  if (changes.monitoringType !== undefined) put('monitoringType', changes.monitoringType);
  if (changes.gridWorkerId !== undefined) put('gridWorkerId', changes.gridWorkerId && new Types.ObjectId(changes.gridWorkerId));
  if (changes.bankAccount !== undefined) put('bankAccount', changes.bankAccount && sealPii('bankAccount', changes.bankAccount));
  if (changes.head || changes.members) {
    const head = changes.head ? mergeHead(household.head, changes.head) : household.head;
    const members = changes.members
      ? changes.members.map((m) =>
          mergeMember(
            m,
            m.relation,
            household.members.find((p) => p.name === m.name),
          ),
        )
      : household.members;
    if (changes.head) set.head = head;
    if (changes.members) set.members = members;
    set.keys = householdKeysOf({ head: PersonKeys.parse(head), members: members.map((m) => PersonKeys.parse(m)) });
  }
  // Only the changed fields are written, in one atomic update: a concurrent change of other fields (categories by
  // one official, the grid worker by another) is kept, where saving the whole loaded document would drop it.
  const updated = await Household.findOneAndUpdate(
    { _id: household._id },
    { ...(Object.keys(set).length > 0 ? { $set: set } : {}), ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
    { returnDocument: 'after', runValidators: true },
  ).orFail();
  const fields = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  await recordAudit({
    actor,
    action: 'household.update',
    target: { type: 'household', id: household.id },
    requestId: props.requestId,
    ip: props.ip,
    details: { fields },
    at: props.now,
  });
  return updated;
}
