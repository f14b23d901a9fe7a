import { z } from 'zod';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { getDefaultVillageMatcher } from '../nlu/villages';
import { parseYesNo } from '../nlu/yesNo';
import { InboundLocation } from '../../domain/conversations/messages';
import { villageLabel } from '../routing';
import { NOT_UNDERSTOOD } from '../texts';
import type { Step, StepOutcome, TurnContext } from './dialog';

/** The slots of a step that asks for the village: the code, the candidates of an ambiguous name, a location. */
export const VillageSlots = {
  /** 12-digit code; null when the villager does not know (only where `allowUnknown`). */
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .nullable()
    .optional(),
  villageChoices: z
    .array(z.string().regex(/^\d{12}$/))
    .max(9)
    .optional(),
  location: InboundLocation.optional(),
};

type VillageSlotValues = { villageCode?: string | null; villageChoices?: string[]; location?: z.infer<typeof InboundLocation> };

const UNKNOWN = /^(不晓得|不知道|不清楚|不记得|记不到|晓不得)/;

/** Options of {@link villageStep}. */
export interface VillageStepOptions {
  /** What the village is asked for: "在哪个村（社区）受的灾？". */
  question: string;
  /** A shared location is accepted (and kept); its label is searched for a village name. */
  acceptLocation?: boolean;
  /** "不晓得" is an answer (null), for flows that can go on without a village. */
  allowUnknown?: boolean;
  /** The line above numbered choices; by default they are villages of the same name. */
  choicesLead?: string;
}

function prompt(slots: VillageSlotValues, ctx: TurnContext, options: VillageStepOptions): string {
  if (slots.villageChoices?.length) {
    const lines = slots.villageChoices.map((code, i) => `${i + 1} ${villageLabel(code)}`);
    return `${options.choicesLead ?? '有几个村（社区）叫这个名字：'}\n${lines.join('\n')}\n回复数字`;
  }
  const remembered = ctx.contact.villageCode ? `还是${villageLabel(ctx.contact.villageCode)}吗？回复“是”，不是就直接说村名` : '';
  const how = options.acceptLocation ? '直接说村名，比如“黄金林村”，也可以发位置' : '直接说村名，比如“黄金林村”';
  const unknown = options.allowUnknown ? '，不晓得就回复“不晓得”' : '';
  return remembered ? `${options.question}${remembered}` : `${options.question}${how}${unknown}`;
}

/**
 * The step that asks which village (村 / 社区): by short or full name through the region table, a number when
 * the name is ambiguous, the remembered village with a yes, or (where accepted) a shared location.
 */
export function villageStep<S extends VillageSlotValues>(options: VillageStepOptions): Step<S> {
  const fill = (slots: S, code: string | null): StepOutcome<S> => ({
    kind: 'next',
    slots: { ...slots, villageCode: code, villageChoices: undefined },
    note: code ? `好的，${villageLabel(code)}。` : undefined,
  });
  return {
    id: 'village',
    filled: (slots) => slots.villageCode !== undefined,
    clear: (slots) => ({ ...slots, villageCode: undefined, villageChoices: undefined }),
    prompt: (slots, ctx) => prompt(slots, ctx, options),
    answer(slots, ctx) {
      const { inbound } = ctx;
      if (inbound.kind === 'location' && options.acceptLocation) {
        const found = getDefaultVillageMatcher().match(inbound.location.label ?? '');
        const withPlace = { ...slots, location: inbound.location };
        if (found && !('ambiguous' in found)) return fill(withPlace, found.code);
        return { kind: 'stay', slots: withPlace, say: '收到位置。还要请您说一下是哪个村（社区），直接说村名' };
      }
      const bare = compact(normalizeText(ctx.text));
      const choices = slots.villageChoices ?? [];
      const picked = /^\d$|^[一二三四五六七八九]$/.test(bare) ? choices[(parseChineseNumber(bare)?.value ?? 0) - 1] : undefined;
      if (picked) return fill(slots, picked);
      if (ctx.contact.villageCode && choices.length === 0 && parseYesNo(ctx.text) === 'yes') return fill(slots, ctx.contact.villageCode);
      if (options.allowUnknown && UNKNOWN.test(bare)) return fill(slots, null);
      const found = getDefaultVillageMatcher().match(ctx.text);
      if (found && 'ambiguous' in found) {
        const next = { ...slots, villageChoices: found.ambiguous.slice(0, 9).map((village) => village.code) };
        return { kind: 'stay', slots: next, say: prompt(next, ctx, options) };
      }
      if (found) return fill(slots, found.code);
      const town = getDefaultVillageMatcher().matchTown(ctx.text);
      const hint = town
        ? `${town.name}哪个村（社区）？直接说村名`
        : prompt({}, { ...ctx, contact: { ...ctx.contact, villageCode: undefined } }, options);
      return { kind: 'retry', say: `${NOT_UNDERSTOOD}${hint}` };
    },
  };
}
