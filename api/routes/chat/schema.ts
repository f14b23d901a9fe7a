import { z } from 'zod';
import { FLOWS, InboundImage, InboundLocation } from '../../../domain/conversations/messages';

/** `POST /api/chat`: one message of an anonymous web chat session; exactly one of text, image, location. */
export const ChatRequestSchema = z
  .strictObject({
    sessionId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .meta({ title: '会话编号', description: '页面生成并保存在本机的随机编号（16–64 位字母、数字、-、_）' }),
    messageId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
      .meta({ title: '消息编号', description: '重发同一条消息时用同一个编号，只处理一次' }),
    text: z.string().trim().min(1).max(500).optional().meta({ title: '文字' }),
    image: InboundImage.optional().meta({ title: '图片' }),
    location: InboundLocation.optional().meta({ title: '位置' }),
  })
  .superRefine((body, ctx) => {
    const given = [body.text, body.image, body.location].filter((part) => part !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['text'], message: '文字、图片、位置要发且只发一样' });
  })
  .meta({ title: '聊天消息' });
/** A parsed chat request. */
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** One answer of the bot. */
export const ChatReplySchema = z
  .object({
    text: z.string().meta({ title: '回复' }),
    flow: z.enum(FLOWS).meta({ title: '所在流程' }),
    step: z.string().meta({ title: '所在步骤' }),
  })
  .meta({ title: '机器人回复' });

/** The answers to one message (none for a message id already handled). */
export const ChatResponseSchema = z.object({ replies: z.array(ChatReplySchema) }).meta({ title: '聊天回复' });
