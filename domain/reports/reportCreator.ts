import { Types } from 'mongoose';
import { GB_T_28921_CODES } from '../../models/enums';
import { Household } from '../../models/household';
import { Region } from '../../models/region';
import { Report, type ReportDocument } from '../../models/report';
import { attachableEvent, PHOTOS_FOR_EMERGENCY_RESPONSE } from '../events/eventRules';
import { forbidden, invalid } from '../core/errors';
import { assertUsablePhotos } from '../files/photoAccess';
import { nextReceiptNo } from '../core/nextReceiptNo';
import { ReportInput, type ReportInputData } from './schema';
import { inRegion } from '../core/regionScope';
import { submissionOwners } from '../core/submissionScope';
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
    return { reporter: { contactId: actor.contactId, name: actor.name }, householdId: actor.householdId };
  }
  if (!REPORTING_ROLES.some((role) => role === actor.role)) throw forbidden('您的岗位不能上报灾情');
  if (!inRegion(actor, place)) throw forbidden('只能上报自己负责区域内的灾情');
  if (!input.onBehalf) return { reporter: { staffUserId: actor.id, name: actor.name }, householdId: undefined };
  const { villagerName, householdId, consentNote } = input.onBehalf;
  if (householdId) {
    const household = await Household.findById(householdId).lean();
    if (!household || !inRegion(actor, household)) throw invalid('household_not_found', '「农户」不存在或不在您负责的区域');
  }
  return {
    reporter: { name: villagerName },
    householdId,
    onBehalf: { staffUserId: actor.id, villagerConsent: true, consentNote },
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

/**
 * Creates a damage report (灾情上报) — the one command behind the mini-program, the console and the chat-bot.
 *
 * Validates `input` against `ReportInput` (400 `invalid_input`, Chinese message naming the field), checks the
 * village is real (town derived from it), the event is open and covers it, the photos exist and were uploaded by
 * the same person, and that a staff submitter is a grid worker/cadre of that region (代报 needs the villager's
 * consent). Idempotent on `id`: the same content again returns the stored report with `created: false`; other
 * content under the same id is a 409 `report_id_conflict`. Writes one audit entry `report.create` when created.
 */
export async function reportCreator(props: ReportCreatorProps): Promise<{ report: ReportDocument; created: boolean }> {
  const { actor, now } = props;
  const { record, created } = await submitOnce(props, {
    schema: ReportInput,
    conflict: { code: 'report_id_conflict', message: '这个上报编号已经用过，内容却不一样：请刷新后重新填写' },
    readBack: (id) => Report.findById(id),
    async insert(input, stamps) {
      const place = await realVillage(input.villageCode);
      const who = await reporterOf(actor, input, place);
      await checkEventAndPhotos(input, place.villageCode, actor);
      return Report.create({
        disasterType: input.disasterType,
        reportStage: input.reportStage,
        occurredAt: input.occurredAt,
        damage: input.damage,
        needs: input.needs,
        description: input.description,
        location: input.location,
        ...place,
        ...who,
        ...stamps,
        owners: submissionOwners(actor, who.householdId),
        receiptNo: await nextReceiptNo('ZQ', now),
        gbCode: GB_T_28921_CODES[input.disasterType],
        eventId: input.eventId ? new Types.ObjectId(input.eventId) : undefined,
        reportedAt: now,
        photos: input.photoIds,
        statusHistory: [{ status: 'submitted', at: now, by: stamps.createdBy }],
      });
    },
    audit: (report) => ({
      action: 'report.create',
      type: 'report',
      details: { receiptNo: report.receiptNo, villageCode: report.villageCode, onBehalf: Boolean(report.onBehalf) },
    }),
  });
  return { report: record, created };
}
