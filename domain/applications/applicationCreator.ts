import { Types } from 'mongoose';
import { Application, type ApplicationDocument } from '../../models/application';
import { Household } from '../../models/household';
import { isCreditEligible, maxRequestedMonths } from '../credit/eligibility';
import { paperworkDueAt, requiredDocuments } from '../greenChannel/paperwork';
import { forbidden, invalid } from '../core/errors';
import { nextReceiptNo } from '../core/nextReceiptNo';
import { ApplicationInput, type ApplicationInputData } from './schema';
import { inRegion } from '../core/regionScope';
import { getSetting } from '../core/settings';
import { submissionOwners } from '../core/submissionScope';
import { submitOnce, type SubmissionProps, type Submitter } from '../core/submission';

/** Staff roles that file applications for a household. */
export const APPLYING_ROLES = ['grid_worker', 'village_cadre', 'town_official', 'district_admin'] as const;

/** The props of a submission (`domain/submission.ts`). */
export type ApplicationCreatorProps = SubmissionProps;

/** The applicant household: the villager's own, or (staff) one inside the staff member's region, with consent. */
async function applicantHousehold(actor: Submitter, input: ApplicationInputData) {
  if (actor.kind === 'villager') {
    if (input.onBehalf) throw invalid('on_behalf_not_allowed', '村民不能代别人申请，请让网格员代为申请');
    if (!actor.householdId) throw invalid('household_required', '您还没有绑定农户信息，请联系网格员');
    if (input.householdId && input.householdId !== actor.householdId) throw forbidden('只能为自己家申请');
  } else {
    if (!APPLYING_ROLES.some((role) => role === actor.role)) throw forbidden('您的岗位不能代农户申请');
    if (!input.householdId) throw invalid('invalid_input', '「农户」必须填写');
    if (!input.onBehalf) throw invalid('on_behalf_required', '代农户申请须先征得农户同意，请填写「代报」信息');
  }
  const household = await Household.findById(actor.kind === 'villager' ? actor.householdId : input.householdId).lean();
  if (!household) throw invalid('household_not_found', '「农户」不存在');
  if (actor.kind === 'staff' && !inRegion(actor, household)) throw forbidden('这户不在您负责的区域');
  return household;
}

type Household = Awaited<ReturnType<typeof applicantHousehold>>;

/**
 * The kind-specific fields. Green channel is help first: accepted at once, every document it needs listed, those
 * not yet handed in due `greenChannelPaperworkDays` later. Credit relief is for 脱贫户 and 监测对象 only.
 */
async function caseFields(input: ApplicationInputData, household: Household, now: Date) {
  if (input.kind === 'green_channel') {
    const provided = new Set<string>(input.documentsProvided);
    const paperwork = requiredDocuments(input.difficulties).map((name) =>
      provided.has(name) ? { name, received: true, receivedAt: now } : { name, received: false },
    );
    const pending = paperwork.some((doc) => !doc.received);
    return {
      prefix: 'LT',
      status: 'accepted',
      difficulties: input.difficulties,
      description: input.description,
      measures: input.measures.map((measure) => ({ measure })),
      paperwork,
      paperworkDueAt: pending ? paperworkDueAt(now, await getSetting('greenChannelPaperworkDays')) : undefined,
    } as const;
  }
  if (!isCreditEligible(household)) throw invalid('credit_not_eligible', '小额信贷只面向脱贫户和监测对象');
  const maxMonths = maxRequestedMonths(input.kind, await getSetting('creditExtensionMaxMonths'));
  if (input.requestedMonths > maxMonths) throw invalid('invalid_input', `「申请期限（月）」不能大于 ${maxMonths}`);
  const { bank, amountYuan, loanPrincipalYuan, loanDueAt, requestedMonths } = input;
  return {
    prefix: 'XD',
    status: 'submitted',
    description: input.reason,
    credit: { bank, amountYuan, loanPrincipalYuan, dueAt: loanDueAt, requestedMonths },
  } as const;
}

/**
 * Creates a green-channel or credit-relief application — the one command behind the API and the chat-bot.
 *
 * Validates `input` against `ApplicationInput` (400 `invalid_input` naming the field in Chinese), resolves the
 * household (a villager's own; for staff one in their region, with the household's consent), and records the
 * first status with who/when in `statusHistory`. Green channel starts `accepted` with its paperwork listed and
 * `paperworkDueAt` set; credit starts `submitted`. Idempotent on `id` like `reportCreator` (409
 * `application_id_conflict` for other content). Writes one audit entry `application.create` when created.
 */
export async function applicationCreator(props: ApplicationCreatorProps): Promise<{ application: ApplicationDocument; created: boolean }> {
  const { actor, now } = props;
  const { record, created } = await submitOnce(props, {
    schema: ApplicationInput,
    conflict: { code: 'application_id_conflict', message: '这个申请编号已经用过，内容却不一样：请刷新后重新填写' },
    readBack: (id) => Application.findById(id),
    async insert(input, stamps) {
      const household = await applicantHousehold(actor, input);
      const { prefix, ...fields } = await caseFields(input, household, now);
      return Application.create({
        ...fields,
        ...stamps,
        owners: submissionOwners(actor, String(household._id)),
        receiptNo: await nextReceiptNo(prefix, now),
        kind: input.kind,
        householdId: household._id,
        applicant:
          actor.kind === 'villager'
            ? { contactId: actor.contactId, name: actor.name }
            : { name: input.onBehalf?.villagerName ?? household.head.name },
        onBehalf:
          actor.kind === 'staff' ? { staffUserId: actor.id, villagerConsent: true, consentNote: input.onBehalf?.consentNote } : undefined,
        villageCode: household.villageCode,
        townCode: household.townCode,
        reportId: input.reportId,
        eventId: input.eventId ? new Types.ObjectId(input.eventId) : undefined,
        submittedAt: now,
        statusHistory: [{ status: fields.status, at: now, by: stamps.createdBy }],
      });
    },
    audit: (application) => ({
      action: 'application.create',
      type: 'application',
      details: {
        kind: application.kind,
        receiptNo: application.receiptNo,
        householdId: String(application.householdId),
        status: application.status,
      },
    }),
  });
  return { application: record, created };
}
