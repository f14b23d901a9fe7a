import type { ApplicationFields } from '../../models/application';

/** An application as stored, lean or `toObject()`. */
export type StoredApplication = ApplicationFields & { _id: string; createdAt?: Date; updatedAt?: Date };

const iso = (date: Date | null | undefined): string | undefined => date?.toISOString();

/**
 * The JSON of an application. The household sees its own case with the paperwork still owed and its deadline;
 * staff names and ids in the history are for staff only (`audience: 'staff'`).
 */
export function presentApplication(application: StoredApplication, { audience }: { audience: 'staff' | 'applicant' }) {
  const staff = audience === 'staff';
  const credit = application.credit;
  return {
    id: application._id,
    receiptNo: application.receiptNo,
    kind: application.kind,
    source: application.source,
    status: application.status,
    statusHistory: application.statusHistory.map((entry) => ({
      status: entry.status,
      at: entry.at.toISOString(),
      by: staff
        ? { kind: entry.by.kind, id: entry.by.id ?? undefined, role: entry.by.role ?? undefined, name: entry.by.name ?? undefined }
        : { kind: entry.by.kind, role: entry.by.role ?? undefined },
      reason: entry.reason ?? undefined,
    })),
    householdId: application.householdId?.toString(),
    villageCode: application.villageCode ?? undefined,
    townCode: application.townCode,
    reportId: application.reportId ?? undefined,
    eventId: application.eventId?.toString(),
    difficulties: application.difficulties,
    description: application.description ?? undefined,
    measures: application.measures.map((m) => ({ measure: m.measure, startedAt: iso(m.startedAt) })),
    paperwork: application.paperwork.map((doc) => ({ name: doc.name, received: doc.received, receivedAt: iso(doc.receivedAt) })),
    paperworkDueAt: iso(application.paperworkDueAt),
    credit: credit
      ? {
          bank: credit.bank,
          amountYuan: credit.amountYuan ?? undefined,
          loanPrincipalYuan: credit.loanPrincipalYuan ?? undefined,
          dueAt: iso(credit.dueAt),
          requestedMonths: credit.requestedMonths ?? undefined,
        }
      : undefined,
    applicant: { name: application.applicant.name ?? undefined, phone: application.applicant.phone?.masked ?? undefined },
    onBehalf: application.onBehalf
      ? { villagerConsent: application.onBehalf.villagerConsent, consentNote: application.onBehalf.consentNote ?? undefined }
      : undefined,
    submittedAt: application.submittedAt.toISOString(),
    ...(staff ? { assigneeId: application.assigneeId?.toString() } : {}),
    createdAt: iso(application.createdAt),
    updatedAt: iso(application.updatedAt),
  };
}
