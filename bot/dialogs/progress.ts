import { z } from 'zod';
import { conversationProgressFinder } from '../../domain/conversations/conversationProgressFinder';
import { autoStep, type Dialog } from './dialog';

const Slots = z.object({});
type Slots = z.infer<typeof Slots>;

const beijingDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });

/** 查询进度: the villager's own reports and applications with their status in plain words, then the menu. */
export const progressDialog: Dialog<Slots> = {
  flow: 'progress',
  label: '进度查询',
  needsConsent: true,
  schema: Slots,
  start: () => ({}),
  steps: [
    autoStep<Slots>('list', async (_slots, ctx) => {
      const items = await conversationProgressFinder(ctx.contact.id);
      if (items.length === 0) {
        return { kind: 'done', say: '您在这里还没有办过上报或申请。\n要上报灾情回复“1”，回复“菜单”看其他' };
      }
      const lines = items.map((item) => `${beijingDate.format(item.at)} ${item.label}（${item.receiptNo}）：${item.status}`);
      return { kind: 'done', say: `您办的事：\n${lines.join('\n')}\n有疑问回复“转人工”，回复“菜单”办别的事` };
    }),
  ],
};
