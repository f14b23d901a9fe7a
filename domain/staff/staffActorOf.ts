import type { Types } from 'mongoose';
import type { StaffActor } from '../core/actor';

/** The fields of a staff account that make up who is acting. */
export interface StaffIdentity {
  _id: Types.ObjectId;
  name: string;
  role: StaffActor['role'];
  regionCode: string;
  department?: string | null;
}

/** The actor a staff account signs in as; tokens carry exactly this. */
export function staffActorOf(staff: StaffIdentity): StaffActor {
  return {
    kind: 'staff',
    id: staff._id.toString(),
    name: staff.name,
    role: staff.role,
    regionCode: staff.regionCode,
    ...(staff.department ? { department: staff.department } : {}),
  };
}
