import { z } from 'zod';
import type { AuditLogFields } from '../../models/auditLog';

/** One entry of the audit trail, as district admins read it. */
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), role: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

const Details = z.record(z.string(), z.unknown());

/** An audit entry; `details` holds field names and reasons, never personal values (see domain/core/recordAudit.ts). */
export function presentAuditEntry(e: AuditLogFields & { _id: { toString(): string } }): AuditEntryView {
  const details = Details.safeParse(e.details);
  return {
    id: e._id.toString(),
    at: e.at.toISOString(),
    actor: { kind: e.actor.kind, id: e.actor.id ?? null, role: e.actor.role ?? null, name: e.actor.name ?? null },
    action: e.action,
    target: { type: e.target.type, id: e.target.id },
    requestId: e.requestId ?? null,
    ip: e.ip ?? null,
    details: details.success ? details.data : null,
  };
}
