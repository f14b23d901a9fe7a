import { createEngine } from '../../bot/engine';
import { Contact } from '../../models/contact';
import { Conversation } from '../../models/conversation';
import { HandoffTicket } from '../../models/handoffTicket';
import { Report } from '../../models/report';
import { useTestDatabase } from '../helpers/db';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, seedBotWorld, testClock, villager, type Villager } from './helpers';

useTestDatabase();

let gridWorker: string;
beforeAll(async () => {
  gridWorker = (await seedBotWorld()).gridWorkerName;
});

const HOUR = 60 * 60 * 1000;

async function consented(me: Villager): Promise<void> {
  expect(await me.say('你好')).toContain('同意吗');
  expect(await me.say('同意')).toContain('1 灾情上报');
}

async function ticketsOf(me: Villager) {
  const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
  return HandoffTicket.find({ contactId: contact._id }).lean();
}

describe('a person, when the bot is not enough', () => {
  it('转人工 asks the village, then opens a ticket for its grid worker and says who will call', async () => {
    const me = villager(createEngine());
    await consented(me);
    expect(await me.say('转人工')).toContain('哪个村');
    const said = await me.say('黄金林村');
    expect(said).toContain(`黄金林村网格员${gridWorker}`);
    const [ticket, ...others] = await ticketsOf(me);
    expect(others).toHaveLength(0);
    expect(ticket?.reason).toBe('asked');
    expect(ticket?.villageCode).toBe(HUANGJINLIN);
    expect(ticket?.assigneeName).toBe(gridWorker);
  });

  it('three answers in a row not understood open a ticket, and the answers so far are kept', async () => {
    const me = villager(createEngine());
    await consented(me);
    await me.say('我要上报灾情');
    await me.say('洪涝');
    expect(await me.say('啊啊啊')).toContain('没听明白');
    expect(await me.say('哦哦')).toContain('没听明白');
    const third = await me.replies('嗯嗯嗯');
    expect(third[0]?.flow).toBe('human');
    expect(third[0]?.text).toContain('没弄明白您的意思');
    const [ticket] = await ticketsOf(me);
    expect(ticket?.reason).toBe('failures');
    expect(ticket?.flow).toBe('report_damage');
    // The dialog is still there: the next answer goes on where it was.
    expect(await me.say('黄金林村')).toContain('有哪些损失');
  });

  it('a voice message is accepted and handed to a person', async () => {
    const me = villager(createEngine());
    await consented(me);
    expect(await me.voice()).toContain('语音我听不懂');
    const [ticket] = await ticketsOf(me);
    expect(ticket?.reason).toBe('voice');
  });
});

describe('commands, memory and delivery', () => {
  it('取消 drops the dialog; 菜单 keeps it and 继续 takes it up again', async () => {
    const me = villager(createEngine());
    await consented(me);
    await me.say('房子垮了');
    expect(await me.say('取消')).toContain('已取消');
    expect((await Conversation.findById(`cli:${me.userId}`).orFail().lean()).flow).toBeUndefined();

    await me.say('屋头遭水淹了');
    const menu = await me.say('菜单');
    expect(menu).toContain('1 灾情上报');
    expect(menu).toContain('没填完的灾情上报');
    expect(await me.say('继续')).toContain('在哪个村');
    expect(await me.say('返回')).toContain('1 灾情上报');
  });

  it('返回 goes one question back and 重新开始 starts the flow afresh', async () => {
    const me = villager(createEngine());
    await consented(me);
    await me.say('1');
    await me.say('滑坡');
    expect(await me.say('黄金林村')).toContain('有哪些损失');
    expect(await me.say('返回')).toContain('在哪个村');
    expect(await me.say('中坝村')).toContain('木洞镇中坝村');
    expect(await me.say('重新开始')).toContain('遭了啥子灾');
  });

  it('a restart in mid-dialog (new engine, same database) continues where it was', async () => {
    const me = villager(createEngine());
    await consented(me);
    await me.say('屋头遭水淹了');
    await me.say('黄金林村');
    const again = villager(createEngine(), 'cli', me.userId);
    expect(await again.say('田里的稻谷淹了两亩')).toContain('庄稼受灾2亩');
    const conversation = await Conversation.findById(`cli:${me.userId}`).orFail().lean();
    expect(conversation.flow).toBe('report_damage');
    expect(conversation.step).toBe('more');
  });

  it('the same message id delivered twice is handled once', async () => {
    const engine = createEngine();
    const me = villager(engine);
    await consented(me);
    for (const text of ['屋头遭水淹了，垮了两间房', '黄金林村', '没有', '刚才', '跳过', `${HEAD_NAME} ${HEAD_PHONE}`]) await me.say(text);
    const first = await me.raw('confirm-1', '1');
    expect(first[0]?.text).toContain('上报成功');
    expect(await me.raw('confirm-1', '1')).toEqual([]);
    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(await Report.countDocuments({ 'reporter.contactId': contact._id })).toBe(1);
  });

  it('an unfinished dialog is offered again after a pause and forgotten after 24 hours', async () => {
    const clock = testClock();
    const engine = createEngine({ now: clock.now });
    const me = villager(engine);
    await consented(me);
    await me.say('屋头遭水淹了');
    clock.advance(2 * HOUR);
    const offer = await me.say('你好');
    expect(offer).toContain('继续上次的灾情上报吗');
    expect(offer).toContain('洪涝');
    expect(await me.say('是')).toContain('在哪个村');

    clock.advance(25 * HOUR);
    const later = await me.replies('你好');
    expect(later[0]?.flow).toBe('menu');
    expect(later[0]?.text).not.toContain('没填完');
  });

  it('never echoes a full phone or ID number', async () => {
    const me = villager(createEngine());
    await consented(me);
    const replies = [
      await me.say('我电话13812345678，身份证500113198001011234，屋头遭水淹了'),
      await me.say('黄金林村'),
      await me.say('没有'),
      await me.say('刚才'),
      await me.say('跳过'),
      await me.say('王秀英 13812345678'),
      await me.say('转人工'),
    ];
    for (const reply of replies) {
      expect(reply).not.toContain('13812345678');
      expect(reply).not.toContain('500113198001011234');
    }
    expect(replies[5]).toContain('138****5678');
    const conversation = await Conversation.findById(`cli:${me.userId}`).orFail().lean();
    expect(JSON.stringify(conversation)).not.toContain('13812345678');
    const [ticket] = await ticketsOf(me);
    expect(ticket?.lastText ?? '').not.toContain('13812345678');
  });
});
