import { StaffUser } from '../../models/staffUser';
import { invalid } from '../core/errors';

/** Checks that a grid worker account exists, is active and answers for this village. */
export async function checkGridWorker(gridWorkerId: string, villageCode: string): Promise<void> {
  const worker = await StaffUser.findById(gridWorkerId).lean();
  if (worker?.role !== 'grid_worker' || !worker.active || worker.regionCode !== villageCode) {
    throw invalid('invalid_grid_worker', '「网格员」不是这个村（社区）在岗的网格员');
  }
}
