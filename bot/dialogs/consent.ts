import { z } from 'zod';
import { chatConsentRecorder } from '../../domain/consent/chatConsentRecorder';
import { parseYesNo } from '../nlu/yesNo';
import { FLOWS } from '../../domain/conversations/messages';
import { CONSENT_REFUSED, NOT_UNDERSTOOD, PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../texts';
import type { Dialog } from './dialog';

const Slots = z.object({
  /** The flow the villager wanted before the notice, and the words they said: handled right after consent. */
  pendingFlow: z.enum(FLOWS).optional(),
  seed: z.string().optional(),
});
type Slots = z.infer<typeof Slots>;

/** Words that agree to the notice, beyond the plain yes of `parseYesNo`. */
const AGREE = /^(同意|我同意|同意的|可以同意|愿意)/;
const REFUSE = /^(不同意|我不同意|不愿意|拒绝)/;

/**
 * First contact: the privacy notice, then consent before any personal data. Agreeing records the notice's version
 * and time on the contact and carries on with what the villager first asked; refusing explains that only
 * prevention tips are available without consent and offers 转人工.
 */
export const consentDialog: Dialog<Slots> = {
  flow: 'consent',
  label: '隐私告知',
  needsConsent: false,
  schema: Slots,
  start: (_ctx, seed) => ({ pendingFlow: seed.pendingFlow, seed: seed.text || undefined }),
  steps: [
    {
      id: 'ask',
      filled: () => false,
      clear: (slots) => slots,
      prompt: () => PRIVACY_NOTICE,
      async answer(slots, ctx) {
        const bare = ctx.text.trim();
        const answer = REFUSE.test(bare) ? 'no' : AGREE.test(bare) ? 'yes' : parseYesNo(bare);
        if (answer === undefined) return { kind: 'retry', say: `${NOT_UNDERSTOOD}${PRIVACY_NOTICE}` };
        if (answer === 'no') return { kind: 'done', say: CONSENT_REFUSED };
        await chatConsentRecorder({ actor: ctx.actor, version: PRIVACY_NOTICE_VERSION, now: ctx.now, requestId: ctx.requestId });
        ctx.contact.consented = true;
        return { kind: 'done', say: '谢谢您！', then: { flow: slots.pendingFlow ?? 'menu', seed: slots.seed } };
      },
    },
  ],
};
