import type { ReportFields } from '../../models/report';
import { REPORT_STATUS_NAMES } from '../../domain/reports/reportTransitions';

/** A report as stored, lean or hydrated. */
export type StoredReport = ReportFields & { _id: string; createdAt?: Date; updatedAt?: Date };

interface StatusEntry {
  status: keyof typeof REPORT_STATUS_NAMES;
  at: Date;
  by: { kind: string; id?: string | null; role?: string | null; name?: string | null };
  reason?: string | null;
}

const iso = (date: Date | null | undefined): string | undefined => date?.toISOString();

/**
 * The JSON of a report. `audience: 'reporter'` is what a villager sees of their own report: the damage, the
 * receipt and the status trail with roles but not staff names, ids or assignment (they ask the hotline for a
 * person). The reporter's phone is only ever shown masked.
 */
export function presentReport(report: StoredReport, { audience }: { audience: 'staff' | 'reporter' }) {
  const staff = audience === 'staff';
  const history = report.statusHistory.map((entry: StatusEntry) => ({
    status: entry.status,
    statusName: REPORT_STATUS_NAMES[entry.status],
    at: entry.at.toISOString(),
    by: staff
      ? { kind: entry.by.kind, id: entry.by.id ?? undefined, role: entry.by.role ?? undefined, name: entry.by.name ?? undefined }
      : { kind: entry.by.kind, role: entry.by.role ?? undefined },
    reason: entry.reason ?? undefined,
  }));
  return {
    id: report._id,
    receiptNo: report.receiptNo,
    source: report.source,
    status: report.status,
    statusName: REPORT_STATUS_NAMES[report.status],
    statusHistory: history,
    villageCode: report.villageCode ?? undefined,
    townCode: report.townCode,
    disasterType: report.disasterType,
    gbCode: report.gbCode ?? undefined,
    eventId: report.eventId?.toString(),
    reportStage: report.reportStage,
    occurredAt: report.occurredAt.toISOString(),
    reportedAt: report.reportedAt.toISOString(),
    damage: report.damage,
    needs: report.needs.map((need) => ({ code: need.code, text: need.text ?? undefined })),
    description: report.description ?? undefined,
    photoIds: report.photos,
    location: report.location ?? undefined,
    householdId: report.householdId?.toString(),
    reporter: {
      name: report.reporter.name ?? undefined,
      phone: report.reporter.phone?.masked ?? undefined,
      ...(staff ? { contactId: report.reporter.contactId?.toString(), staffUserId: report.reporter.staffUserId?.toString() } : {}),
    },
    onBehalf: report.onBehalf
      ? {
          villagerConsent: report.onBehalf.villagerConsent,
          consentNote: report.onBehalf.consentNote ?? undefined,
          ...(staff ? { staffUserId: report.onBehalf.staffUserId.toString() } : {}),
        }
      : undefined,
    ...(staff ? { assigneeId: report.assigneeId?.toString(), duplicateOf: report.duplicateOf ?? undefined } : {}),
    createdAt: iso(report.createdAt),
    updatedAt: iso(report.updatedAt),
  };
}
