import { z } from 'zod';
import { Contact } from '../../models/contact';
import { Conversation } from '../../models/conversation';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { seedBotWorld } from './helpers';

useTestDatabase();
const server = useTestServer();
beforeAll(async () => {
  await seedBotWorld();
});

const SESSION = 'web-session-0000000001';

const Answer = z.object({
  replies: z.array(z.object({ text: z.string(), flow: z.string(), step: z.string() })).default([]),
  error: z.object({ code: z.string() }).optional(),
});

async function post(body: unknown) {
  const res = await server().request('/api/chat', { method: 'POST', json: body });
  return { status: res.status, body: Answer.parse(await res.json()) };
}

describe('POST /api/chat', () => {
  it('answers a message of an anonymous session and keeps the dialog under that session', async () => {
    const first = await post({ sessionId: SESSION, text: '你好' });
    expect(first.status).toBe(200);
    expect(first.body.replies[0]).toMatchObject({ flow: 'consent', step: 'ask' });
    const second = await post({ sessionId: SESSION, text: '同意' });
    expect(second.body.replies[0]?.text).toContain('1 灾情上报');
    const third = await post({ sessionId: SESSION, text: '屋头遭水淹了' });
    expect(third.body.replies[0]).toMatchObject({ flow: 'report_damage', step: 'village' });

    const contact = await Contact.findOne({ channel: 'web', externalId: SESSION }).orFail().lean();
    expect(contact.consent).toBeDefined();
    const conversation = await Conversation.findById(`web:${SESSION}`).orFail().lean();
    expect(conversation.step).toBe('village');
  });

  it('handles the same message id once: a retried request has no second effect', async () => {
    const session = 'web-session-0000000002';
    const once = await post({ sessionId: session, messageId: 'msg-1', text: '你好' });
    expect(once.body.replies).toHaveLength(1);
    const again = await post({ sessionId: session, messageId: 'msg-1', text: '你好' });
    expect(again.status).toBe(200);
    expect(again.body.replies).toEqual([]);
    // The same message id in another session is another message.
    const other = await post({ sessionId: 'web-session-0000000003', messageId: 'msg-1', text: '你好' });
    expect(other.body.replies).toHaveLength(1);
  });

  it('refuses a malformed session id, an empty message and two kinds at once', async () => {
    for (const body of [
      { sessionId: 'short', text: '你好' },
      { sessionId: SESSION },
      { sessionId: SESSION, text: '你好', location: { lat: 29.4, lng: 106.5 } },
      { sessionId: SESSION, text: '你好', extra: 1 },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_input');
    }
  });

  it('serves the chat page with its own assets under a strict content security policy', async () => {
    const page = await server().request('/chat');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/chat/chat.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await server().request('/chat/chat.js')).status).toBe(200);
    expect((await server().request('/chat/other.js')).status).toBe(404);
  });
});
