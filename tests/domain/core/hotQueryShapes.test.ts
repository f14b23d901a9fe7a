import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { buildHousehold, buildStaffUser, buildVillager, REGIONS } from '../../helpers/factories';
import { importRegions } from '../../../domain/regions/importRegions';
import { findHouseholds } from '../../../domain/households/findHouseholds';
import { reportCreator } from '../../../domain/reports/reportCreator';
import { reportFinder } from '../../../domain/reports/reportFinder';
import { applicationFinder } from '../../../domain/applications/applicationFinder';
import { conversationProgressFinder } from '../../../domain/conversations/conversationProgressFinder';
import { conversationLoader } from '../../../domain/conversations/conversationStore';
import { Report } from '../../../models/report';
import { AuditLog } from '../../../models/auditLog';

useTestDatabase();

/** Filters the driver was asked to run while `run` ran, by collection and operation. */
async function filtersOf(run: () => Promise<unknown>): Promise<{ operation: string; filter: Record<string, unknown> }[]> {
  const seen: { operation: string; filter: Record<string, unknown> }[] = [];
  mongoose.set('debug', (collection: string, method: string, filter: unknown) => {
    if (/^(find|findOne|countDocuments)$/.test(method) && typeof filter === 'object' && filter !== null) {
      seen.push({ operation: `${collection}.${method}`, filter: { ...filter } });
    }
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

/**
 * What the embedded database serves from an index: equalities on top-level fields (a value, or one element of a
 * top-level array). A dotted path, `$or`/`$and` or an operator such as a range loads the whole collection.
 */
function unindexedParts(filter: Record<string, unknown>): string[] {
  return Object.entries(filter).flatMap(([key, value]) => {
    if (key.startsWith('$')) return [key];
    if (key.includes('.')) return [key];
    const operator = typeof value === 'object' && value !== null && !(value instanceof Date) && !(value instanceof mongoose.Types.ObjectId);
    return operator ? [`${key}: ${JSON.stringify(value)}`] : [];
  });
}

const report = (villageCode = REGIONS.zhongba) => ({
  villageCode,
  disasterType: '洪涝',
  occurredAt: '2026-07-25T02:40:00+08:00',
  damage: { people: { affected: 2 } },
});

describe('every hot read path filters by top-level equalities only', () => {
  let villager: Awaited<ReturnType<typeof buildVillager>>;
  let secrets: Awaited<ReturnType<typeof buildHousehold>>['secrets'];
  let reportId: string;

  beforeAll(async () => {
    await importRegions();
    const built = await buildHousehold({ headName: '冉德华' });
    secrets = built.secrets;
    villager = await buildVillager({ householdId: built.household.id });
    reportId = crypto.randomUUID();
    await reportCreator({ id: reportId, source: 'web', actor: villager.actor, input: report(), now: new Date() });
  });

  it.each([
    [
      'household by ID number',
      () => findHouseholds({ townCode: REGIONS.mudong }, { idNumber: secrets.headIdNumber, page: 1, pageSize: 20 }),
    ],
    ['household by phone', () => findHouseholds({ townCode: REGIONS.mudong }, { phone: secrets.headPhone, page: 1, pageSize: 20 })],
    ['household by name', () => findHouseholds({ villageCode: REGIONS.zhongba }, { name: '冉德华', page: 1, pageSize: 20 })],
    ['report by id (and client id)', () => Report.findById(reportId).lean()],
    ['a villager’s progress', () => conversationProgressFinder(villager.actor.contactId)],
    ['a villager’s own reports', () => reportFinder(villager.actor, { page: 1, pageSize: 20 })],
    ['a villager’s own applications', () => applicationFinder(villager.actor, { page: 1, pageSize: 20 })],
    ['a conversation by key', () => conversationLoader('web', 'someone')],
    ['audit by target', () => AuditLog.find({ targetId: reportId }).lean()],
    [
      'a town’s first page of reports',
      async () =>
        reportFinder((await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong })).actor, { page: 1, pageSize: 20 }),
    ],
    [
      'a staff member’s own filings',
      async () =>
        reportFinder((await buildStaffUser({ role: 'grid_worker', regionCode: REGIONS.zhongba })).actor, {
          mine: true,
          page: 1,
          pageSize: 20,
        }),
    ],
  ])('%s', async (_path, run) => {
    const seen = await filtersOf(run);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map(({ operation, filter }) => ({ operation, unindexed: unindexedParts(filter) }))).toEqual(
      seen.map(({ operation }) => ({ operation, unindexed: [] })),
    );
  });

  it('the check itself catches a dotted path, an $or and a range', () => {
    expect(unindexedParts({ 'head.name': '王' })).toEqual(['head.name']);
    expect(unindexedParts({ $or: [{ a: 1 }, { b: 2 }] })).toEqual(['$or']);
    expect(unindexedParts({ townCode: REGIONS.mudong, reportedAt: { $gte: new Date(0) } })).toEqual([
      'reportedAt: {"$gte":"1970-01-01T00:00:00.000Z"}',
    ]);
    expect(unindexedParts({ townCode: REGIONS.mudong, owners: 'contact:x', _id: new mongoose.Types.ObjectId() })).toEqual([]);
  });
});
