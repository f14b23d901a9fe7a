import type { Wechaty } from 'wechaty';
import { types } from 'wechaty';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import { Application } from '../../models/application';
import { Contact } from '../../models/contact';
import { HandoffTicket } from '../../models/handoffTicket';
import { InboundMessage } from '../../models/inboundMessage';
import { Warning } from '../../models/warning';
import { WarningAck } from '../../models/warningAck';
import { useTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/processes';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, ZHONGBA, seedBotWorld, startMockWechaty } from './helpers';

useTestDatabase();
beforeAll(async () => {
  await seedBotWorld();
});

let bot: Wechaty;
let mocker: mock.Mocker;
let puppet: PuppetMock;
let botUser: mock.ContactMock;
let villager: mock.ContactMock;
let replies: string[];

beforeEach(async () => {
  ({ bot, mocker, puppet, botUser, villager, replies } = await startMockWechaty({ villagerName: '村民', sendIntervalMs: 50 }));
});

afterEach(async () => {
  await bot.stop();
});

/** Plays `[message, expected words in the reply]` pairs as the villager on WeChat. */
async function play(script: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [text, expected] of script) {
    const before = replies.length;
    villager.say(text).to(botUser);
    const reply = await waitFor(() => replies[before], `a reply to ${text}`, 10_000);
    expect({ text, reply }).toEqual({ text, reply: expect.stringContaining(expected) });
  }
}

const contact = () => Contact.findOne({ channel: 'wechaty', externalId: villager.id }).orFail().lean();
const CONSENT: ReadonlyArray<readonly [string, string]> = [
  ['你好', '同意吗'],
  ['同意', '1 灾情上报'],
];

describe('the scripted dialogs on WeChat (Wechaty + mock puppet)', () => {
  it('green channel', async () => {
    await play([
      ...CONSENT,
      ['我要求助', '遇到啥子困难'],
      ['3', '简单说一下'],
      ['老汉摔断了腿，住院要钱', '姓名和手机号'],
      [`${HEAD_NAME} ${HEAD_PHONE}`, '困难：医疗'],
      ['1', '先帮扶、后补手续'],
    ]);
    const application = await Application.findOne({ 'applicant.contactId': (await contact())._id })
      .orFail()
      .lean();
    expect(application).toMatchObject({ kind: 'green_channel', difficulties: ['医疗'], status: 'accepted' });
  });

  it('credit relief, progress, then 取消 and 菜单 mid-dialog', async () => {
    await play([
      ...CONSENT,
      ['3', '要办哪样'],
      ['2', '哪家银行'],
      ['邮储', '多少钱'],
      ['两万', '哪天到期'],
      ['2026年12月31号', '多长时间'],
      ['两年', '为啥子'],
      ['洪水把猪圈冲垮了，想接着贷', '姓名和手机号'],
      [`${HEAD_NAME} ${HEAD_PHONE}`, '办理：续贷'],
      ['确认', '已提交您的续贷申请'],
      ['4', '信贷续贷'],
      ['1', '遭了啥子灾'],
      ['取消', '已取消'],
      ['屋头遭水淹了', '在哪个村'],
      ['菜单', '没填完的灾情上报'],
      ['继续', '在哪个村'],
    ]);
    const application = await Application.findOne({ 'applicant.contactId': (await contact())._id })
      .orFail()
      .lean();
    expect(application).toMatchObject({
      kind: 'credit_renewal',
      credit: { bank: '中国邮政储蓄银行', amountYuan: 20_000, requestedMonths: 24 },
    });
  });

  it('warning subscription, 收到, and prevention tips', async () => {
    await play([...CONSENT, ['订阅预警', '订阅哪个村'], ['中坝', '已订阅木洞镇中坝村']]);
    expect((await contact()).warningSubscriptions).toEqual([ZHONGBA]);
    const sendTime = new Date(Date.now() - 60_000);
    await Warning.create({
      identifier: '50011341600000_20260720100000',
      sender: '巴南区气象台',
      sendTime,
      status: 'Actual',
      msgType: 'Alert',
      chainId: '50011341600000_20260720100000',
      info: { eventType: '11B37', severity: 'Yellow', headline: '地质灾害气象风险黄色预警' },
      targetRegionCodes: [ZHONGBA],
      sourceFormat: 'gbt35965',
      receivedAt: sendTime,
    });
    await play([
      ['收到', '地质灾害气象风险黄色预警'],
      ['滑坡前有啥子征兆', '裂缝'],
      ['3', '打雷'],
      ['退订预警', '已取消木洞镇中坝村的预警'],
    ]);
    expect(await WarningAck.countDocuments({ recipientKey: `contact:${(await contact())._id.toString()}` })).toBe(1);
    expect((await contact()).warningSubscriptions).toEqual([]);
  });

  it('转人工, and three answers not understood', async () => {
    await play([
      ...CONSENT,
      ['找网格员', '哪个村'],
      ['黄金林村', '网格员李网格'],
      ['1', '遭了啥子灾'],
      ['嗯', '没听明白'],
      ['哦', '没听明白'],
      ['啊', '没弄明白您的意思'],
    ]);
    const tickets = await HandoffTicket.find({ contactId: (await contact())._id }).lean();
    expect(tickets.map((ticket) => ticket.reason)).toEqual(['asked']);
    expect(tickets[0]?.villageCode).toBe(HUANGJINLIN);
  });

  it('ignores stale messages replayed after a reconnect', async () => {
    const seen = await InboundMessage.countDocuments({ channel: 'wechaty' });
    const old = mocker.MessageMock.create({
      id: 'stale-1',
      talkerId: villager.id,
      listenerId: botUser.id,
      timestamp: Date.now() - 10 * 60_000,
      type: types.Message.Text,
      text: '你好',
    });
    puppet.emit('message', { messageId: old.id });
    await play([['你好', '同意吗']]);
    expect(await InboundMessage.countDocuments({ channel: 'wechaty' })).toBe(seen + 1);
    expect(replies).toHaveLength(1);
  });
});
