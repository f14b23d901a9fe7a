/**
 * Amounts of money as villagers write them: 3万, 三万元, 5000块, 两万五, 3万5, 2.5万, 一万块钱.
 */
import { normalizeText } from './normalize';
import { findQuantities } from './numbers';

/** Measure words after which a number is money. */
const MONEY_MEASURES = new Set(['元', '块']);

/**
 * The amount in whole yuan, or `undefined`. A number counts as money when it is followed by 元 / 块, or is
 * written with 万 / 千 (the way loans are spoken of), or is the whole message ("5000" in answer to
 * "贷了多少钱？"). Numbers with other measure words (3个月, 2间) are skipped. Approximate amounts
 * (3万多) give their lower bound.
 */
export function extractMoneyYuan(text: string): number | undefined {
  const normalized = normalizeText(text);
  const candidates = findQuantities(normalized).filter(
    (quantity) => quantity.measure === undefined || MONEY_MEASURES.has(quantity.measure),
  );
  const explicit = candidates.find((quantity) => {
    const written = normalized.slice(quantity.index, quantity.end);
    return quantity.measure !== undefined || /[万千]/.test(written);
  });
  const bare = candidates.length === 1 && /^\d+(\.\d+)?$/.test(normalized) ? candidates[0] : undefined;
  const chosen = explicit ?? bare;
  return chosen === undefined ? undefined : Math.round(chosen.value);
}
