import { createEngine } from '../../bot/engine';
import { Application } from '../../models/application';
import { Contact } from '../../models/contact';
import { Warning } from '../../models/warning';
import { WarningAck } from '../../models/warningAck';
import { useTestDatabase } from '../helpers/db';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, ZHONGBA, seedBotWorld, testClock, villager, type BotWorld } from './helpers';

useTestDatabase();

let world: BotWorld;
beforeAll(async () => {
  world = await seedBotWorld();
});

const clock = testClock();
const engine = createEngine({ now: clock.now });

/** A villager who has agreed to the notice and is at the menu. */
async function consented() {
  const me = villager(engine);
  expect(await me.say('你好')).toContain('同意吗');
  expect(await me.say('要得')).toContain('1 灾情上报');
  return me;
}

describe('the flows of the menu', () => {
  it('green channel: difficulty, description, who, confirm → accepted with the papers to bring later', async () => {
    const me = await consented();
    expect(await me.say('2')).toContain('遇到啥子困难');
    expect(await me.say('房子垮了没得地方住')).toContain('姓名和手机号');
    const summary = await me.say(`我叫${HEAD_NAME}，电话${HEAD_PHONE}`);
    expect(summary).toContain('困难：住房');
    const done = await me.say('确认');
    expect(done).toMatch(/编号：LT\d{8}-\d{4}/);
    expect(done).toContain('先帮扶、后补手续');
    expect(done).toContain('房屋安全鉴定');

    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    const application = await Application.findOne({ 'applicant.contactId': contact._id }).orFail().lean();
    expect(application.kind).toBe('green_channel');
    expect(application.source).toBe('bot');
    expect(application.householdId?.toString()).toBe(world.householdId);
    expect(application.difficulties).toEqual(['住房']);
    expect(application.paperwork.map((doc) => doc.name)).toEqual(expect.arrayContaining(['身份证', '房屋安全鉴定']));
    expect(application.paperworkDueAt).toBeDefined();
  });

  it('credit relief: an extension with bank, amount, due date, months and reason', async () => {
    const me = await consented();
    expect(await me.say('贷款还不起了，想缓一下')).toContain('哪家银行');
    expect(await me.say('农商行')).toContain('多少钱');
    expect(await me.say('三万')).toContain('哪天到期');
    expect(await me.say('下个月15号')).toContain('多长时间');
    expect(await me.say('6个月')).toContain('为啥子');
    expect(await me.say('遭水淹了，猪死完了')).toContain('姓名和手机号');
    const summary = await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(summary).toContain('办理：展期');
    expect(summary).toContain('银行：重庆农村商业银行');
    const done = await me.say('1');
    expect(done).toMatch(/编号：XD\d{8}-\d{4}/);

    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    const application = await Application.findOne({ 'applicant.contactId': contact._id }).orFail().lean();
    expect(application.kind).toBe('credit_extension');
    expect(application.credit?.bank).toBe('重庆农村商业银行');
    expect(application.credit?.amountYuan).toBe(30_000);
    expect(application.credit?.requestedMonths).toBe(6);
    expect(application.credit?.dueAt?.toISOString()).toBe('2026-08-14T16:00:00.000Z');
  });

  it('credit relief: a renewal goes through when the villager does not know the amount or the due date', async () => {
    const me = await consented();
    expect(await me.say('3')).toContain('展期');
    expect(await me.say('续贷')).toContain('哪家银行');
    expect(await me.say('邮政银行')).toContain('多少钱');
    expect(await me.say('记不得了')).toContain('哪天到期');
    expect(await me.say('不晓得')).toContain('多长时间');
    expect(await me.say('一年')).toContain('为啥子');
    expect(await me.say('遭冰雹打了，果子全落了')).toContain('姓名和手机号');
    const summary = await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(summary).toContain('金额：不清楚，村里核对');
    expect(summary).toContain('原到期日：不清楚，村里核对');
    expect(await me.say('1')).toMatch(/编号：XD\d{8}-\d{4}/);

    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    const application = await Application.findOne({ 'applicant.contactId': contact._id }).orFail().lean();
    expect(application.kind).toBe('credit_renewal');
    expect(application.credit?.requestedMonths).toBe(12);
    expect(application.credit?.amountYuan ?? undefined).toBeUndefined();
    expect(application.credit?.dueAt ?? undefined).toBeUndefined();
  });

  it('answers a first-contact prevention question before the notice, then takes a damage report behind it', async () => {
    const me = villager(engine);
    const tip = await me.say('打雷咋个躲');
    expect(tip).toContain('【打雷咋个躲】');
    expect(tip).not.toContain('同意吗');
    expect(await Contact.findOne({ externalId: me.userId, consent: { $exists: true } }).lean()).toBeNull();
    expect(await me.say('屋头遭水淹了')).toContain('同意吗');
    expect(await me.say('同意')).toContain('哪个村');
    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(contact.consent?.version).toEqual(expect.any(String));
  });

  it('credit relief: a term said in the first message (想缓一年) is not asked again', async () => {
    const me = await consented();
    expect(await me.say('贷款到期了还不起 想缓一年')).toContain('哪家银行');
    await me.say('农商行');
    await me.say('五万');
    expect(await me.say('明年3月')).toContain('为啥子');
    await me.say('遭冰雹打了 果树全毁了');
    expect(await me.say(`${HEAD_NAME} ${HEAD_PHONE}`)).toContain('期限：12个月');
    await me.say('1');
    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    const application = await Application.findOne({ 'applicant.contactId': contact._id }).orFail().lean();
    expect(application.credit).toMatchObject({ requestedMonths: 12, amountYuan: 50_000 });
  });

  it('progress lists the villager’s own records in plain words', async () => {
    const me = await consented();
    expect(await me.say('4')).toContain('还没有办过');
    await me.say('我要求助');
    await me.say('1');
    await me.say('家里没得米了，娃儿还小');
    await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    await me.say('1');
    const progress = await me.say('我报的咋样了');
    expect(progress).toMatch(/绿色通道求助（LT\d{8}-\d{4}）：已受理/);
  });

  it('subscribes and unsubscribes the warnings of a village', async () => {
    const me = await consented();
    expect(await me.say('5')).toContain('订阅哪个村');
    expect(await me.say('中坝村')).toContain('已订阅木洞镇中坝村的预警');
    let contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(contact.warningSubscriptions).toEqual([ZHONGBA]);

    expect(await me.say('订阅预警')).toContain('订阅哪个村');
    expect(await me.say('黄金林村')).toContain('已订阅');
    contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(contact.warningSubscriptions).toEqual([ZHONGBA, HUANGJINLIN]);

    const which = await me.say('取消预警');
    expect(which).toContain('取消哪个村');
    expect(await me.say('1')).toContain('已取消木洞镇中坝村的预警');
    contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(contact.warningSubscriptions).toEqual([HUANGJINLIN]);
  });

  it('records 收到 as the acknowledgement of the latest unacknowledged warning of the village', async () => {
    const me = await consented();
    await me.say('订阅预警');
    await me.say('黄金林村');
    const sendTime = new Date(clock.now().getTime() - 10 * 60_000);
    await Warning.create({
      identifier: '50011341600000_20260720094000',
      sender: '巴南区气象台',
      sendTime,
      status: 'Actual',
      msgType: 'Alert',
      chainId: '50011341600000_20260720094000',
      info: { eventType: '11B03', severity: 'Orange', headline: '巴南区气象台发布暴雨橙色预警' },
      targetRegionCodes: [HUANGJINLIN],
      sourceFormat: 'gbt35965',
      receivedAt: sendTime,
    });
    expect(await me.say('收到')).toContain('已收到您的回复（巴南区气象台发布暴雨橙色预警）');
    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    const acks = await WarningAck.find({ recipientKey: `contact:${contact._id.toString()}` }).lean();
    expect(acks).toHaveLength(1);
    expect(acks[0]?.chainId).toBe('50011341600000_20260720094000');
    expect(acks[0]?.channel).toBe('cli');
    // A second 收到 has nothing left to acknowledge: no second record.
    await me.say('收到');
    expect(await WarningAck.countDocuments({ recipientKey: `contact:${contact._id.toString()}` })).toBe(1);
  });

  it('answers a prevention question from the articles, without asking for consent', async () => {
    const me = villager(engine);
    const first = await me.replies('打雷咋个躲');
    expect(first[0]?.flow).toBe('education');
    expect(await me.say('我要上报灾情')).toContain('同意吗');
    const refused = await me.say('不同意');
    expect(refused).toContain('只能给您讲防灾知识');
    const tip = await me.replies('打雷咋个躲');
    expect(tip[0]?.flow).toBe('education');
    expect(tip[0]?.text).toContain('打雷咋个躲');
    expect(tip[0]?.text).toContain('不要躲大树下');
    expect(await me.say('2')).toContain('滑坡');
    const contact = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(contact.consent).toBeUndefined();
    // Changing one's mind later: 同意 is recorded without showing the notice again.
    expect(await me.say('菜单')).toContain('1 灾情上报');
    expect(await me.say('同意')).toContain('谢谢您');
    const agreed = await Contact.findOne({ externalId: me.userId }).orFail().lean();
    expect(agreed.consent?.version).toBeTruthy();
  });
});
