import { z } from 'zod';
import { PART_OF_DAY_HOURS, extractOccurredAt } from '../nlu/occurredAt';
import { NOT_UNDERSTOOD } from '../texts';
import { slotStep, type Step } from './dialog';

/** The slot of the "when" question: the instant as ISO text (slots are stored as JSON, read back by zod). */
export const OccurredSlots = { occurredAt: z.iso.datetime({ offset: true }).optional() };

type OccurredSlotValues = { occurredAt?: string };

const PROMPT = '啥时候遭的？比如“今天早上”“昨天晚上”“3号”；就是刚才回复“刚才”，记不清回复“不晓得”';
/** A villager who cannot say when: the filing time stands in, and the grid worker checks it on the visit. */
const DONT_KNOW = /不晓得|不知道|记不得|记不清|忘了|不清楚|说不清/;
const HOUR_MS = 60 * 60 * 1000;

const beijingParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/**
 * The time in the words of the summary: 11月28日晚上 for a part of the day, 11月28日 for a day alone (its
 * midnight), 11月29日10:05 for an exact time (刚才). The hours are the ones `extractOccurredAt` stands for.
 */
export function occurredText(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  const part = (type: string): number => Number(beijingParts.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
  const day = `${part('month')}月${part('day')}日`;
  const [hour, minute] = [part('hour'), part('minute')];
  if (at.getTime() % HOUR_MS !== 0) return `${day}${hour}:${String(minute).padStart(2, '0')}`;
  if (hour === 0) return day;
  const word = Object.entries(PART_OF_DAY_HOURS).find(([, h]) => h === hour)?.[0];
  return word ? `${day}${word}` : `${day}${hour}:00`;
}

/** The "when" of a report, from the first message when it said so (昨晚屋头遭水淹了), else asked; never in the future. */
export function occurredStep<S extends OccurredSlotValues>(): Step<S> {
  return slotStep<S>(['occurredAt'], {
    id: 'when',
    prompt: () => PROMPT,
    answer(slots, ctx) {
      if (DONT_KNOW.test(ctx.text)) {
        return { kind: 'next', slots: { ...slots, occurredAt: ctx.now.toISOString() }, note: '好的，时间先按现在记，网格员核实时再补。' };
      }
      const at = extractOccurredAt(ctx.text, ctx.now);
      if (!at) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${PROMPT}` };
      return { kind: 'next', slots: { ...slots, occurredAt: at.toISOString() } };
    },
  });
}
