import { FileBox } from 'file-box';
import { types, type Wechaty } from 'wechaty';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Engine } from '../../bot/engine';
import { Contact } from '../../models/contact';
import { FileObject } from '../../models/fileObject';
import { HandoffTicket } from '../../models/handoffTicket';
import { InboundMessage } from '../../models/inboundMessage';
import { Report } from '../../models/report';
import { useTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/processes';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, seedBotWorld, startMockWechaty } from './helpers';

useTestDatabase();
beforeAll(async () => {
  await seedBotWorld();
});

/** A 1×1 PNG: the smallest picture the file storage accepts as a photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let bot: Wechaty;
let engine: Engine;
let mocker: mock.Mocker;
let puppet: PuppetMock;
let botUser: mock.ContactMock;
let villager: mock.ContactMock;
let replies: string[];

beforeEach(async () => {
  ({ bot, engine, mocker, puppet, botUser, villager, replies } = await startMockWechaty({ villagerName: '王秀英' }));
});

afterEach(async () => {
  await bot.stop();
});

/** Sends a text (or a file) as the villager and waits for the bot's next reply. */
async function say(something: string | FileBox): Promise<string> {
  const before = replies.length;
  villager.say(something).to(botUser);
  return waitFor(() => replies[before], `a reply to ${typeof something === 'string' ? something : something.name}`, 10_000);
}

describe('the bot on a real Wechaty with the mock puppet', () => {
  it('takes a damage report with a photo to a receipt, on the WeChat channel', async () => {
    expect(await say('你好')).toContain('同意吗');
    expect(await say('要得')).toContain('1 灾情上报');
    expect(await say('屋头遭水淹了')).toContain('在哪个村');
    expect(await say('黄金林村')).toContain('有哪些损失');
    expect(await say('垮了两间房')).toContain('还有别的损失吗');
    expect(await say('没得了')).toContain('啥时候遭的');
    expect(await say('刚才')).toContain('照片');
    expect(await say(FileBox.fromBase64(PNG.toString('base64'), 'house.png'))).toContain('收到第1张照片');
    expect(await say('好了')).toContain('姓名和手机号');
    const summary = await say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(summary).toContain('照片：1张');
    expect(summary).not.toContain(HEAD_PHONE);
    expect(await say('1')).toContain('上报成功');

    const contact = await Contact.findOne({ channel: 'wechaty', externalId: villager.id }).orFail().lean();
    const report = await Report.findOne({ 'reporter.contactId': contact._id }).orFail().lean();
    expect(report.villageCode).toBe(HUANGJINLIN);
    expect(report.damage.houses.collapsed.rooms).toBe(2);
    // 刚才: the time of the message, seconds before the report was filed.
    expect(Date.now() - report.occurredAt.getTime()).toBeLessThan(60_000);
    expect(report.photos).toHaveLength(1);
    const photo = await FileObject.findById(report.photos[0]).orFail().lean();
    expect(photo.mime).toBe('image/png');
    expect(photo.uploadedBy.id).toBe(contact._id.toString());
  });

  it('handles a message the puppet emits twice only once', async () => {
    expect(await say('你好')).toContain('同意吗');
    const count = replies.length;
    const [last] = await InboundMessage.find({ channel: 'wechaty' }).sort({ receivedAt: -1 }).limit(1).lean();
    const messageId = last?.messageId ?? '';
    puppet.emit('message', { messageId });
    await waitFor(async () => (await InboundMessage.countDocuments({ messageId })) === 1 || undefined, 'the duplicate to be seen');
    await engine.idle();
    expect(await say('同意')).toContain('1 灾情上报');
    expect(replies).toHaveLength(count + 1);
  });

  it('answers a voice message with a person, and never answers its own messages', async () => {
    const seen = await InboundMessage.countDocuments({ channel: 'wechaty' });
    await say('你好');
    await say('同意');
    // The mock only types files by media type, which a base64 voice note lacks: emit an audio message as a puppet does.
    const before = replies.length;
    const voice = mocker.MessageMock.create({
      id: 'voice-1',
      talkerId: villager.id,
      listenerId: botUser.id,
      timestamp: Date.now(),
      type: types.Message.Audio,
    });
    puppet.emit('message', { messageId: voice.id });
    expect(await waitFor(() => replies[before], 'a reply to the voice message')).toContain('语音我听不懂');
    const contact = await Contact.findOne({ channel: 'wechaty', externalId: villager.id }).orFail().lean();
    expect(await HandoffTicket.countDocuments({ contactId: contact._id, reason: 'voice' })).toBe(1);
    // The mock re-emits every sent reply as a message of the bot itself: none of them may reach the engine.
    expect(await InboundMessage.countDocuments({ channel: 'wechaty' })).toBe(seen + 3);
  });
});
