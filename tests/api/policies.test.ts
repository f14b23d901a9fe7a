import type { StaffActor, StaffRole, VillagerActor } from '../../domain/core/actor';
import { DomainError, notFound } from '../../domain/core/errors';
import { authorize } from '../../api/policies/authorize';
import {
  canAssignGridWorker,
  canCreateHousehold,
  canListHouseholds,
  canReadHousehold,
  canRevealHouseholdPii,
  canUpdateHousehold,
  householdScopeFilter,
  type HouseholdScope,
} from '../../api/policies/household';
import { canCreateStaff, canInviteStaff, canReadStaff, type StaffScope } from '../../api/policies/staff';
import { canReadAuditLog } from '../../api/policies/audit';

// Pure functions: no database, no HTTP. Codes are real: 木洞镇 with 中坝村 and 桃花岛村, 东温泉镇 with 黄金林村.
const DISTRICT = '500113000000';
const MUDONG = '500113109000';
const ZHONGBA = '500113109200';
const TAOHUADAO = '500113109213';
const DONGWENQUAN = '500113114000';
const HUANGJINLIN = '500113114218';

const staff = (id: string, role: StaffRole, regionCode: string): StaffActor => ({ kind: 'staff', id, name: id, role, regionCode });
const villager = (householdId?: string): VillagerActor => ({ kind: 'villager', contactId: 'c', ...(householdId ? { householdId } : {}) });

/** The household every row is judged against: 中坝村 of 木洞镇, in grid worker gw-own's grid. */
const household: HouseholdScope = { _id: 'h-zhongba', townCode: MUDONG, villageCode: ZHONGBA, gridWorkerId: 'gw-own' };

type Action = 'read' | 'update' | 'reveal' | 'assign' | 'create' | 'list';
const ACTIONS: readonly Action[] = ['read', 'update', 'reveal', 'assign', 'create', 'list'];

function allowed(actor: StaffActor | VillagerActor, action: Action): boolean {
  switch (action) {
    case 'read':
      return canReadHousehold(actor, household);
    case 'update':
      return canUpdateHousehold(actor, household);
    case 'reveal':
      return canRevealHouseholdPii(actor, household);
    case 'assign':
      return canAssignGridWorker(actor, household);
    case 'create':
      return canCreateHousehold(actor, household.villageCode);
    case 'list':
      return canListHouseholds(actor);
  }
}

/** Role × region rows; each lists the actions it may take on the household, every other action is denied. */
const MATRIX: ReadonlyArray<[string, StaffActor | VillagerActor, readonly Action[]]> = [
  ['district admin', staff('da', 'district_admin', DISTRICT), ['read', 'update', 'reveal', 'assign', 'create', 'list']],
  ['department (district)', staff('dp', 'department', DISTRICT), ['read', 'list']],
  ['bank officer (district)', staff('bk', 'bank_officer', DISTRICT), []],
  ['town official of 木洞镇', staff('to', 'town_official', MUDONG), ['read', 'update', 'reveal', 'assign', 'create', 'list']],
  ['town official of 东温泉镇', staff('tx', 'town_official', DONGWENQUAN), ['list']],
  ['village cadre of 中坝村', staff('vc', 'village_cadre', ZHONGBA), ['read', 'list']],
  ['village cadre of 桃花岛村 (same town)', staff('vx', 'village_cadre', TAOHUADAO), ['list']],
  ["the household's grid worker", staff('gw-own', 'grid_worker', ZHONGBA), ['read', 'update', 'reveal', 'create', 'list']],
  ['another grid worker of 中坝村', staff('gw-other', 'grid_worker', ZHONGBA), ['create', 'list']],
  ['a grid worker of 黄金林村 (other town)', staff('gw-far', 'grid_worker', HUANGJINLIN), ['list']],
  ['the villager of the household', villager('h-zhongba'), ['read']],
  ['a villager of another household', villager('h-other'), []],
  ['a villager without a household', villager(), []],
];

describe('household policies: role × region × action', () => {
  const rows = MATRIX.flatMap(([label, actor, allowedActions]) =>
    ACTIONS.map((action) => [label, action, actor, allowedActions.includes(action)] as const),
  );
  it.each(rows)('%s — %s', (_label, action, actor, expected) => {
    expect(allowed(actor, action)).toBe(expected);
  });
});

describe('householdScopeFilter agrees with canReadHousehold', () => {
  const households: HouseholdScope[] = [
    household,
    { _id: 'h2', townCode: MUDONG, villageCode: ZHONGBA, gridWorkerId: 'gw-other' },
    { _id: 'h3', townCode: MUDONG, villageCode: TAOHUADAO, gridWorkerId: null },
    { _id: 'h4', townCode: DONGWENQUAN, villageCode: HUANGJINLIN, gridWorkerId: 'gw-far' },
  ];
  const matches = (filter: Record<string, string | undefined>, h: HouseholdScope): boolean =>
    Object.entries(filter).every(([key, value]) => {
      if (key === 'gridWorkerId') return h.gridWorkerId?.toString() === value;
      return key === 'townCode' ? h.townCode === value : h.villageCode === value;
    });
  const staffRows = MATRIX.filter(
    (row): row is [string, StaffActor, readonly Action[]] => row[1].kind === 'staff' && canListHouseholds(row[1]),
  );
  it.each(staffRows)('%s', (_label, actor) => {
    for (const h of households) expect(matches(householdScopeFilter(actor), h)).toBe(canReadHousehold(actor, h));
  });
});

describe('staff policies', () => {
  const admin = staff('da', 'district_admin', DISTRICT);
  const mudong = staff('to', 'town_official', MUDONG);
  const dongwenquan = staff('tx', 'town_official', DONGWENQUAN);
  const worker: StaffScope = { _id: 'w', role: 'grid_worker', regionCode: ZHONGBA };
  const cadre: StaffScope = { _id: 'c', role: 'village_cadre', regionCode: TAOHUADAO };
  const official: StaffScope = { _id: 'o', role: 'town_official', regionCode: MUDONG };

  it.each([
    ['district admin', admin, [true, true, true], [true, true, false]],
    ['town official of 木洞镇', mudong, [true, true, true], [true, true, false]],
    ['town official of 东温泉镇', dongwenquan, [false, false, false], [false, false, false]],
    ['grid worker', staff('gw', 'grid_worker', ZHONGBA), [false, false, false], [false, false, false]],
    ['villager', villager('h'), [false, false, false], [false, false, false]],
  ] as const)('%s reads [worker, cadre, official] and invites them', (_label, actor, reads, invites) => {
    expect([worker, cadre, official].map((s) => canReadStaff(actor, s))).toEqual(reads);
    expect([worker, cadre, official].map((s) => canInviteStaff(actor, s))).toEqual(invites);
  });

  it.each([
    ['district admin, any role anywhere', admin, 'district_admin', DISTRICT, true],
    ['木洞镇 official, grid worker of 中坝村', mudong, 'grid_worker', ZHONGBA, true],
    ['木洞镇 official, cadre of 桃花岛村', mudong, 'village_cadre', TAOHUADAO, true],
    ['木洞镇 official, grid worker of 黄金林村', mudong, 'grid_worker', HUANGJINLIN, false],
    ['木洞镇 official, another town official', mudong, 'town_official', MUDONG, false],
    ['木洞镇 official, grid worker at town level', mudong, 'grid_worker', MUDONG, false],
    ['grid worker, grid worker of own village', staff('gw', 'grid_worker', ZHONGBA), 'grid_worker', ZHONGBA, false],
  ] as const)('creating: %s → %s', (_label, actor, role, region, expected) => {
    expect(canCreateStaff(actor, role, region)).toBe(expected);
  });
});

describe('audit policy', () => {
  it('lets only district admins read the audit log', () => {
    const roles: StaffRole[] = ['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department', 'bank_officer'];
    expect(roles.filter((role) => canReadAuditLog(staff('x', role, role === 'town_official' ? MUDONG : DISTRICT)))).toEqual([
      'district_admin',
    ]);
    expect(canReadAuditLog(villager('h'))).toBe(false);
  });
});

describe('authorize', () => {
  it('passes when allowed, throws 403 by default and the given error otherwise', () => {
    expect(() => authorize(true)).not.toThrow();
    expect(() => authorize(false)).toThrow(DomainError);
    expect(() => authorize(false)).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
    expect(() => authorize(false, () => notFound('household_not_found'))).toThrow(expect.objectContaining({ status: 404 }));
  });
});
