import { Types, type InferRawDocTypeFromSchema } from 'mongoose';
import { GB_T_28921_CODES } from '../../models/enums';
import { Household } from '../../models/household';
import { Region } from '../../models/region';
import { Report, type ReportFields } from '../../models/report';
import { attachableEvent, PHOTOS_FOR_EMERGENCY_RESPONSE } from '../events/eventRules';
import { forbidden, invalid } from '../core/errors';
import { assertUsablePhotos } from '../files/photoAccess';
import { nextReceiptNo } from '../core/nextReceiptNo';
import { ReportInput, type ReportInputData } from './schema';
import { inRegion } from '../core/regionScope';
import { submissionOwners } from '../core/submissionScope';
import { markReportDay, reportListKeys } from './reportDays';
import { groupInsert } from '../core/recordAudit';
import { submitOnce, type SubmissionProps, type Submitter } from '../core/submission';

/** Staff roles that file damage reports (grid workers / disaster information officers, village cadres). */
export const REPORTING_ROLES = ['grid_worker', 'village_cadre'] as const;

/** The props of a submission (`domain/submission.ts`). */
export type ReportCreatorProps = SubmissionProps;

// Villages found are remembered for the life of the process: regions are reference data that is never deleted, so a
// hit stays true, and a miss is not remembered so a village imported later is found. Saves a round trip per report.
const knownVillages = new Map<string, { villageCode: string; townCode: string }>();

async function realVillage(code: string): Promise<{ villageCode: string; townCode: string }> {
  const known = knownVillages.get(code);
  if (known) return known;
  const region = await Region.findById(code).lean();
  if (!region || region.level !== 'village' || !region.townCode) throw invalid('unknown_village', '「村（社区）」不是巴南区的村或社区');
  const place = { villageCode: region._id, townCode: region.townCode };
  knownVillages.set(code, place);
  return place;
}

/** Who the report is from: the villager, the staff member, or (代报) the villager a staff member files for. */
async function reporterOf(actor: Submitter, input: ReportInputData, place: { villageCode: string; townCode: string }) {
  if (actor.kind === 'villager') {
    if (input.onBehalf) throw invalid('on_behalf_not_allowed', '村民不能代别人上报，请让网格员代报');
    return { reporter: { contactId: new Types.ObjectId(actor.contactId), name: actor.name?.trim() }, householdId: actor.householdId };
  }
  if (!REPORTING_ROLES.some((role) => role === actor.role)) throw forbidden('您的岗位不能上报灾情');
  if (!inRegion(actor, place)) throw forbidden('只能上报自己负责区域内的灾情');
  if (!input.onBehalf) return { reporter: { staffUserId: new Types.ObjectId(actor.id), name: actor.name.trim() }, householdId: undefined };
  const { villagerName, householdId, consentNote } = input.onBehalf;
  if (householdId) {
    const household = await Household.findById(householdId).lean();
    if (!household || !inRegion(actor, household)) throw invalid('household_not_found', '「农户」不存在或不在您负责的区域');
  }
  return {
    reporter: { name: villagerName },
    householdId,
    onBehalf: { staffUserId: new Types.ObjectId(actor.id), villagerConsent: true, consentNote },
  };
}

async function checkEventAndPhotos(input: ReportInputData, villageCode: string, actor: Submitter): Promise<void> {
  if (input.eventId) {
    const event = await attachableEvent(input.eventId, villageCode);
    if (event.emergency && input.photoIds.length < PHOTOS_FOR_EMERGENCY_RESPONSE) {
      throw invalid('photos_required', `这次灾害已启动应急响应，请至少上传 ${PHOTOS_FOR_EMERGENCY_RESPONSE} 张现场照片`);
    }
  }
  await assertUsablePhotos(input.photoIds, actor);
}

/** A report as stored, plain: what `Report.findById(id).lean()` reads back. */
export type ReportRecord = ReportFields & { _id: string; createdAt: Date; updatedAt: Date };

/** The same as built: mongoose types the arrays of `ReportFields` as a hydrated document's, which a plain object lacks. */
type PlainReport = InferRawDocTypeFromSchema<typeof Report.schema>;

/**
 * New reports are group-committed: the reports submitted while an insert is in flight go out together in the next
 * one (one FerretDB round trip and one PostgreSQL commit for all of them). Each caller returns once its own report
 * is stored, and a duplicate id fails only its own caller, with code 11000, which `submitOnce` turns into the
 * read-back (same content) or the 409.
 */
const insertReport = groupInsert<PlainReport & { __v: number }>(() => Report.collection);

/**
 * Creates a damage report (灾情上报) — the one command behind the mini-program, the console and the chat-bot.
 *
 * Validates `input` against `ReportInput` (400 `invalid_input`, Chinese message naming the field), checks the
 * village is real (town derived from it), the event is open and covers it, the photos exist and were uploaded by
 * the same person, and that a staff submitter is a grid worker/cadre of that region (代报 needs the villager's
 * consent). Idempotent on `id`: the same content again returns the stored report with `created: false`; other
 * content under the same id is a 409 `report_id_conflict`. Writes one audit entry `report.create` when created.
 *
 * The stored document is built as a plain object from the parsed input, which `ReportInput` has validated with the
 * same rules as the model (counts, 亩 to a tenth, crop nesting, enums, lengths), and from values levee makes itself
 * (receipt, hash, stamps, the village's codes). A mongoose document would validate it all a second time, at about
 * 1 ms of CPU per report, most of the time levee spends on one.
 */
export async function reportCreator(props: ReportCreatorProps): Promise<{ report: ReportRecord; created: boolean }> {
  const { actor, now } = props;
  const { record, created } = await submitOnce(props, {
    schema: ReportInput,
    conflict: { code: 'report_id_conflict', message: '这个上报编号已经用过，内容却不一样：请刷新后重新填写' },
    readBack: (id) => Report.findById(id).lean<ReportRecord>(),
    async insert(input, stamps) {
      const place = await realVillage(input.villageCode);
      const who = await reporterOf(actor, input, place);
      await checkEventAndPhotos(input, place.villageCode, actor);
      const { createdBy } = stamps;
      const report: PlainReport = {
        _id: stamps._id,
        contentHash: stamps.contentHash,
        receiptNo: await nextReceiptNo('ZQ', now),
        source: stamps.source,
        reporter: who.reporter,
        onBehalf: who.onBehalf,
        householdId: who.householdId ? new Types.ObjectId(who.householdId) : undefined,
        villageCode: place.villageCode,
        townCode: place.townCode,
        location: input.location,
        disasterType: input.disasterType,
        gbCode: GB_T_28921_CODES[input.disasterType],
        eventId: input.eventId ? new Types.ObjectId(input.eventId) : undefined,
        reportStage: input.reportStage,
        occurredAt: input.occurredAt,
        reportedAt: now,
        damage: input.damage,
        needs: input.needs,
        description: input.description,
        photos: input.photoIds,
        status: 'submitted',
        statusHistory: [{ status: 'submitted', at: now, by: createdBy }],
        createdBy,
        owners: submissionOwners(actor, who.householdId),
        listKeys: reportListKeys(place, now),
        demo: false,
        createdAt: now,
        updatedAt: now,
      };
      // The day is marked first: a report stored on an unmarked day would be missing from every list page.
      await markReportDay(place, now);
      await insertReport({ ...report, __v: 0 });
      return report as ReportRecord;
    },
    audit: (report) => ({
      action: 'report.create',
      type: 'report',
      details: { receiptNo: report.receiptNo, villageCode: report.villageCode, onBehalf: Boolean(report.onBehalf) },
    }),
  });
  return { report: record, created };
}
