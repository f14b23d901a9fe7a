import type { HouseholdDocument } from '../../models/household';
import { openPii } from '../../lib/pii';
import type { StaffActor } from '../core/actor';
import { recordAudit } from '../core/recordAudit';

type Sealed = { enc: string } | null | undefined;

/** The personal values of one person, in plain text; null where none is stored. */
export interface RevealedPerson {
  name: string;
  idNumber: string | null;
  phone: string | null;
  disability: string | null;
  health: string | null;
}

/** Everything personal a household record holds, unmasked. */
export interface RevealedHousehold {
  head: RevealedPerson;
  members: RevealedPerson[];
  bankAccount: string | null;
}

const open = (value: Sealed): string | null => (value ? openPii(value) : null);

function person(p: { name: string; idNumber?: Sealed; phone?: Sealed; disability?: Sealed; health?: Sealed }): RevealedPerson {
  return { name: p.name, idNumber: open(p.idNumber), phone: open(p.phone), disability: open(p.disability), health: open(p.health) };
}

/**
 * Decrypts a household's ID numbers, phones, bank account and health notes for someone allowed to see them
 * (`canRevealHouseholdPii`), recording `household.reveal` with the stated reason and which kinds of value were
 * shown. The entry is written before the values are returned: no audit, no data.
 */
export async function revealHouseholdPii(props: {
  actor: StaffActor;
  household: HouseholdDocument;
  reason: string;
  now: Date;
  requestId?: string;
  ip?: string;
}): Promise<RevealedHousehold> {
  const { household } = props;
  const revealed: RevealedHousehold = {
    head: person(household.head),
    members: household.members.map(person),
    bankAccount: open(household.bankAccount),
  };
  const people = [revealed.head, ...revealed.members];
  const fields = (['idNumber', 'phone', 'disability', 'health'] as const).filter((f) => people.some((p) => p[f] !== null));
  await recordAudit({
    actor: props.actor,
    action: 'household.reveal',
    target: { type: 'household', id: household.id },
    requestId: props.requestId,
    ip: props.ip,
    details: { reason: props.reason, fields: revealed.bankAccount ? [...fields, 'bankAccount'] : fields, people: people.length },
    at: props.now,
  });
  return revealed;
}
