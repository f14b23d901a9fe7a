import { Types } from 'mongoose';
import type { StaffActor, StaffRole } from '../../domain/core/actor';
import { canAssignReport, canChangeReportStatus, canViewReport } from '../../api/policies/report';
import { canViewApplication } from '../../api/policies/application';
import { canReadFile } from '../../api/policies/file';

const DISTRICT = '500113000000';
const TOWN = '500113109000';
const VILLAGE = '500113109200';
const OTHER_TOWN = '500113114000';
const OTHER_VILLAGE = '500113114218';

const household = new Types.ObjectId();
const contact = new Types.ObjectId();
const report = { townCode: TOWN, villageCode: VILLAGE, householdId: household, reporter: { contactId: contact } };
const staff = (role: StaffRole, regionCode: string): StaffActor => ({
  kind: 'staff',
  id: new Types.ObjectId().toString(),
  name: role,
  role,
  regionCode,
});

describe('report policies: role × region', () => {
  const cases: [StaffRole, string, { view: boolean; assign: boolean; verify: boolean; close: boolean }][] = [
    ['grid_worker', VILLAGE, { view: true, assign: false, verify: true, close: false }],
    ['grid_worker', OTHER_VILLAGE, { view: false, assign: false, verify: false, close: false }],
    ['village_cadre', VILLAGE, { view: true, assign: false, verify: true, close: false }],
    ['town_official', TOWN, { view: true, assign: true, verify: true, close: true }],
    ['town_official', OTHER_TOWN, { view: false, assign: false, verify: false, close: false }],
    ['district_admin', DISTRICT, { view: true, assign: true, verify: true, close: true }],
    ['department', DISTRICT, { view: true, assign: false, verify: false, close: false }],
    ['bank_officer', DISTRICT, { view: false, assign: false, verify: false, close: false }],
  ];
  it.each(cases)('%s of %s', (role, region, expected) => {
    const actor = staff(role, region);
    expect({
      view: canViewReport(actor, report),
      assign: canAssignReport(actor, report),
      verify: canChangeReportStatus(actor, report, 'verifying'),
      close: canChangeReportStatus(actor, report, 'closed'),
    }).toEqual(expected);
  });

  it('lets a villager see the report they filed or one about their household, and nothing else', () => {
    expect(canViewReport({ kind: 'villager', contactId: contact.toString() }, report)).toBe(true);
    expect(canViewReport({ kind: 'villager', contactId: new Types.ObjectId().toString(), householdId: household.toString() }, report)).toBe(
      true,
    );
    expect(canViewReport({ kind: 'villager', contactId: new Types.ObjectId().toString() }, report)).toBe(false);
    expect(canChangeReportStatus({ kind: 'villager', contactId: contact.toString() }, report, 'closed')).toBe(false);
  });
});

describe('application and file policies', () => {
  const application = (kind: string) => ({
    kind,
    townCode: TOWN,
    villageCode: VILLAGE,
    householdId: household,
    applicant: { contactId: contact },
  });

  it('shows bank officers credit applications only, and staff only their region', () => {
    const bank = staff('bank_officer', DISTRICT);
    expect(canViewApplication(bank, application('credit_extension'))).toBe(true);
    expect(canViewApplication(bank, application('green_channel'))).toBe(false);
    expect(canViewApplication(staff('town_official', TOWN), application('green_channel'))).toBe(true);
    expect(canViewApplication(staff('town_official', OTHER_TOWN), application('green_channel'))).toBe(false);
    expect(canViewApplication({ kind: 'villager', contactId: 'x', householdId: household.toString() }, application('green_channel'))).toBe(
      true,
    );
  });

  it('opens a file to its uploaders and to those who may see a report that uses it', () => {
    const uploader = { kind: 'villager', contactId: contact.toString() } as const;
    const file = { uploadedBy: { kind: 'contact', id: contact.toString() }, alsoUploadedBy: [] };
    const official = staff('town_official', TOWN);
    expect(canReadFile(uploader, file, [])).toBe(true);
    expect(canReadFile(official, file, [])).toBe(false);
    expect(canReadFile(official, file, [report])).toBe(true);
    expect(canReadFile(staff('town_official', OTHER_TOWN), file, [report])).toBe(false);
  });
});
