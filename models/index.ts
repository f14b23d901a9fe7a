import { Application } from './application';
import { AuditLog } from './auditLog';
import { Claim } from './claim';
import { Contact } from './contact';
import { Conversation } from './conversation';
import { Delivery } from './delivery';
import { DisasterEvent } from './disasterEvent';
import { EducationArticle } from './educationArticle';
import { FileObject } from './fileObject';
import { HandoffTicket } from './handoffTicket';
import { Hazard } from './hazard';
import { Household } from './household';
import { InboundMessage } from './inboundMessage';
import { MonitoringCase } from './monitoringCase';
import { Region } from './region';
import { Report } from './report';
import { ReportDay } from './reportDay';
import { Sequence } from './sequence';
import { Session } from './session';
import { Setting } from './setting';
import { StaffInvitation } from './staffInvitation';
import { StaffUser } from './staffUser';
import { Warning } from './warning';
import { WarningAck } from './warningAck';

export * from './application';
export * from './auditLog';
export * from './claim';
export * from './contact';
export * from './conversation';
export * from './delivery';
export * from './disasterEvent';
export * from './educationArticle';
export * from './enums';
export * from './fileObject';
export * from './handoffTicket';
export * from './hazard';
export * from './household';
export * from './inboundMessage';
export * from './monitoringCase';
export * from './pii';
export * from './region';
export * from './report';
export * from './sequence';
export * from './session';
export * from './setting';
export * from './shared';
export * from './staffInvitation';
export * from './staffUser';
export * from './warning';
export * from './warningAck';

/** What `ensureModels` needs of a model, whatever its document type. */
interface EnsurableModel {
  modelName: string;
  collection: { collectionName: string };
  createCollection(): Promise<unknown>;
  createIndexes(): Promise<unknown>;
}

/** Every model of levee, in a fixed order. */
export const ALL_MODELS: readonly EnsurableModel[] = [
  Application,
  AuditLog,
  Claim,
  Contact,
  Conversation,
  Delivery,
  DisasterEvent,
  EducationArticle,
  FileObject,
  HandoffTicket,
  Hazard,
  Household,
  InboundMessage,
  MonitoringCase,
  Region,
  Report,
  ReportDay,
  Sequence,
  Session,
  Setting,
  StaffInvitation,
  StaffUser,
  Warning,
  WarningAck,
];

/**
 * Creates every collection and every declared index on the connected database, and waits for them: a fresh
 * database then enforces its unique keys before the first write. Idempotent (existing collections and indexes
 * are kept); it never drops an index. Run at start-up and by the test harness.
 */
export async function ensureModels(): Promise<string[]> {
  const names: string[] = [];
  for (const model of ALL_MODELS) {
    await model.createCollection();
    await model.createIndexes();
    names.push(model.collection.collectionName);
  }
  return names;
}
