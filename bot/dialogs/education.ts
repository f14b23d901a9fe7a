import { z } from 'zod';
import { educationFinder } from '../../domain/education/educationFinder';
import { extractEducationTopic, type EducationTopic } from '../nlu/education';
import { detectIntent } from '../nlu/intent';
import { compact, normalizeText } from '../nlu/normalize';
import { parseChineseNumber } from '../nlu/numbers';
import { NOT_UNDERSTOOD } from '../texts';
import { autoStep, type Dialog } from './dialog';

/** The topics offered by number, each with the slug of its seed article (`resources/education/articles.json`). */
const TOPICS: ReadonlyArray<{ topic: EducationTopic; label: string; slug: string }> = [
  { topic: 'flood', label: '涨大水', slug: 'flood' },
  { topic: 'landslide', label: '滑坡泥石流', slug: 'landslide' },
  { topic: 'lightning', label: '打雷', slug: 'lightning' },
  { topic: 'house_fire', label: '着火', slug: 'house-fire' },
  { topic: 'cold', label: '冰冻', slug: 'cold-ice' },
  { topic: 'earthquake', label: '地震', slug: 'earthquake' },
  { topic: 'safe_water', label: '喝水安全', slug: 'safe-water' },
];

const LIST = TOPICS.map((entry, i) => `${i + 1} ${entry.label}`).join('  ');
const ASK = `想了解哪方面的防灾知识？\n${LIST}\n回复数字或直接问，比如“打雷咋个躲”`;
const MORE = `还想了解别的吗？${LIST}\n回复数字或直接问，回复“菜单”办别的事`;

const Slots = z.object({ slug: z.string().optional(), shown: z.boolean().optional() });
type Slots = z.infer<typeof Slots>;

/**
 * The slug a message asks about: a number of the list, or a topic in words. A message that reports damage or asks
 * for help ("屋头遭水淹了") names a topic too, but is not a question: it gets no slug, so the villager is taken to
 * that flow instead of being given a tip.
 */
function slugOf(text: string): string | undefined {
  const bare = compact(normalizeText(text));
  if (/^\d+$|^[一二三四五六七]$/.test(bare)) return TOPICS[(parseChineseNumber(bare)?.value ?? 0) - 1]?.slug;
  if (!['education', 'unknown', 'greeting'].includes(detectIntent(text).intent)) return undefined;
  const topic = extractEducationTopic(text);
  return TOPICS.find((entry) => entry.topic === topic)?.slug;
}

/**
 * Prevention tips: a question ("打雷咋个躲") gets the short answer of the matching article at once; then the
 * topics stay on offer by number until the villager leaves with 菜单. No personal data, so no consent needed.
 */
export const educationDialog: Dialog<Slots> = {
  flow: 'education',
  label: '防灾知识',
  needsConsent: false,
  schema: Slots,
  start: (_ctx, seed) => ({ slug: slugOf(seed.text) }),
  steps: [
    autoStep<Slots>(
      'answer',
      async (slots) => {
        const article = await educationFinder({ slug: slots.slug });
        const note = article ? `【${article.title}】\n${article.shortAnswer}` : '这方面的知识还在整理，先问问网格员。';
        return { kind: 'next', slots: { shown: true }, note };
      },
      { filled: (slots) => slots.slug === undefined, prompt: () => ASK },
    ),
    {
      id: 'ask',
      filled: () => false,
      clear: (slots) => slots,
      prompt: (slots) => (slots.shown ? MORE : ASK),
      answer(_slots, ctx) {
        const slug = slugOf(ctx.text);
        if (slug === undefined) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${ASK}` };
        return { kind: 'next', slots: { slug } };
      },
    },
  ],
};
