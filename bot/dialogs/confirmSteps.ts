import { z } from 'zod';
import { DomainError } from '../../domain/core/errors';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { parseYesNo } from '../nlu/yesNo';
import { NOT_UNDERSTOOD } from '../texts';
import type { Step, StepOutcome, TurnContext } from './dialog';

/** The slot of the edit question. */
export const ConfirmSlots = { editing: z.boolean().optional() };

type ConfirmSlotValues = { editing?: boolean };

/** A part of the summary the villager may change: its label, and how to empty it so its step is asked again. */
export interface EditableField<S> {
  label: string;
  clear(slots: S): S;
}

/** Options of {@link confirmSteps}. */
export interface ConfirmOptions<S> {
  /** The lines of the summary. */
  summary(slots: S, ctx: TurnContext): string[];
  fields: readonly EditableField<S>[];
  /** Files the record through the domain command; returns what to tell the villager (receipt, who follows up). */
  submit(slots: S, ctx: TurnContext): Promise<string>;
  /** Refusals (error codes) that no edit can fix: they end the flow with their message instead. */
  endOn?: readonly string[];
}

const EDIT_WORDS = /^(修改|改|要改|改一下|重新改|不对|有错)/;

/**
 * The last two steps of a form: a summary to confirm ("1 确认 / 2 修改"), and which part to change. Changing a
 * part empties its slots, so the dialog asks that question again and comes back to the summary. A refusal of
 * the domain command (e.g. a photo that is missing) is told in its own words and leads to the edit question.
 */
export function confirmSteps<S extends ConfirmSlotValues>(options: ConfirmOptions<S>): Step<S>[] {
  const editPrompt = `要改哪一项？${options.fields.map((field, i) => `${i + 1} ${field.label}`).join('  ')}\n回复数字`;
  const edit: Step<S> = {
    id: 'edit',
    filled: (slots) => slots.editing !== true,
    clear: (slots) => ({ ...slots, editing: undefined }),
    prompt: () => editPrompt,
    answer(slots, ctx) {
      const bare = compact(normalizeText(ctx.text));
      const byNumber = /^\d$|^[一二三四五六七八九]$/.test(bare) ? options.fields[(parseChineseNumber(bare)?.value ?? 0) - 1] : undefined;
      const field = byNumber ?? options.fields.find((candidate) => bare.includes(candidate.label));
      if (!field) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${editPrompt}` };
      return { kind: 'next', slots: { ...field.clear(slots), editing: undefined } };
    },
  };
  const confirm: Step<S> = {
    id: 'confirm',
    filled: () => false,
    clear: (slots) => slots,
    prompt: (slots, ctx) => `请核对：\n${options.summary(slots, ctx).join('\n')}\n没问题回复“1 确认”，要改回复“2 修改”`,
    async answer(slots, ctx): Promise<StepOutcome<S>> {
      const bare = compact(normalizeText(ctx.text));
      const wantsEdit = bare === '2' || EDIT_WORDS.test(bare);
      const answer = wantsEdit ? 'no' : bare === '1' || /^(确认|提交)/.test(bare) ? 'yes' : parseYesNo(ctx.text);
      if (answer === 'no') return { kind: 'next', slots: { ...slots, editing: true } };
      if (answer !== 'yes') return { kind: 'retry', say: `${NOT_UNDERSTOOD}没问题回复“1 确认”，要改回复“2 修改”` };
      try {
        return { kind: 'done', say: await options.submit(slots, ctx) };
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        if (options.endOn?.includes(error.code)) {
          return { kind: 'done', say: `没有提交成功：${error.message}\n有疑问回复“转人工”，回复“菜单”办别的事` };
        }
        return { kind: 'next', slots: { ...slots, editing: true }, note: `没有提交成功：${error.message}` };
      }
    },
  };
  return [edit, confirm];
}
