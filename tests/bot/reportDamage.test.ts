import { createEngine } from '../../bot/engine';
import { Contact } from '../../models/contact';
import { Conversation } from '../../models/conversation';
import { Report } from '../../models/report';
import { useTestDatabase } from '../helpers/db';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, seedBotWorld, testClock, villager, type BotWorld } from './helpers';

useTestDatabase();

let world: BotWorld;
beforeAll(async () => {
  world = await seedBotWorld();
});

describe('damage report through the engine', () => {
  it('takes 不晓得 for the time: the filing time stands in and the villager is told so', async () => {
    const clock = testClock();
    const engine = createEngine({ now: clock.now });
    const me = villager(engine);
    await me.say('屋头遭水淹了，垮了一间房');
    await me.say('同意');
    await me.say('黄金林');
    expect(await me.say('没有了')).toContain('啥时候遭的');
    const next = await me.say('记不清了');
    expect(next).toContain('时间先按现在记');
    expect(next).toContain('照片');
    await me.say('跳过');
    await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(await me.say('1')).toMatch(/回执号：ZQ\d{8}-\d{4}/);
    const contact = await Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();
    const report = await Report.findOne({ 'reporter.contactId': contact._id }).orFail().lean();
    expect(report.occurredAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('goes from a dialect free-text start to a receipt, asking only what was not said', async () => {
    const clock = testClock();
    const engine = createEngine({ now: clock.now });
    const me = villager(engine);

    const notice = await me.say('屋头遭水淹了，垮了两间房');
    expect(notice).toContain('同意吗');
    const contactBefore = await Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();
    expect(contactBefore.consent).toBeUndefined();

    // Consent carries on with the first message: type (洪涝) and houses (2 collapsed) are already known.
    const place = await me.say('同意');
    expect(place).toContain('在哪个村');
    expect(place).not.toContain('遭了啥子灾');
    const contact = await Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();
    expect(contact.consent?.version).toBeTruthy();
    expect(contact.consent?.at).toEqual(clock.now());

    const more = await me.say('黄金林');
    expect(more).toContain('东温泉镇黄金林村');
    expect(more).toContain('房屋倒塌2间');
    expect(more).toContain('还有别的损失吗');

    expect(await me.say('苞谷淹了三亩多，猪死了两头')).toContain('庄稼受灾3亩');
    expect(await me.say('没有了')).toContain('啥时候遭的');
    // 10:00 in the morning: 今天晚上 is still to come, so it is asked again.
    expect(await me.say('今天晚上')).toContain('没听明白');
    expect(await me.say('昨天晚上')).toContain('照片');
    expect(await me.say('跳过')).toContain('姓名和手机号');

    const summary = await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(summary).toContain('请核对');
    expect(summary).toContain('138****5678');
    expect(summary).not.toContain(HEAD_PHONE);
    expect(summary).toContain('时间：7月19日晚上');

    const receipt = await me.say('1');
    expect(receipt).toMatch(/回执号：ZQ\d{8}-\d{4}/);
    expect(receipt).toContain(`网格员${world.gridWorkerName}`);

    const report = await Report.findOne({ 'reporter.contactId': contact._id }).orFail().lean();
    expect(report.villageCode).toBe(HUANGJINLIN);
    expect(report.townCode).toBe('500113114000');
    expect(report.disasterType).toBe('洪涝');
    expect(report.source).toBe('bot');
    expect(report.damage.houses.collapsed.rooms).toBe(2);
    expect(report.damage.crops.affectedMu).toBe(3);
    expect(report.damage.livestock.deadSmall).toBe(2);
    expect(report.householdId?.toString()).toBe(world.householdId);
    expect(report.description).toContain('屋头遭水淹了');
    expect(report.occurredAt.toISOString()).toBe('2026-07-19T12:00:00.000Z');

    const conversation = await Conversation.findById(`cli:${me.userId}`).orFail().lean();
    expect(conversation.flow).toBeUndefined();
    const linked = await Contact.findById(contact._id).orFail().lean();
    expect(linked.householdId?.toString()).toBe(world.householdId);
    expect(linked.phone?.masked).toBe('138****5678');
  });

  it('takes the time from the first words, shows it in the summary, and lets it be changed', async () => {
    const clock = testClock();
    const engine = createEngine({ now: clock.now });
    const me = villager(engine);
    await me.say('你好');
    await me.say('同意');
    expect(await me.say('昨晚屋头遭水淹了，垮了两间房')).toContain('在哪个村');
    expect(await me.say('黄金林')).toContain('还有别的损失吗');
    const photos = await me.say('没有');
    expect(photos).toContain('照片');
    expect(photos).not.toContain('啥时候遭的');
    await me.say('跳过');
    expect(await me.say(`${HEAD_NAME} ${HEAD_PHONE}`)).toContain('时间：7月19日晚上');

    expect(await me.say('2')).toContain('时间');
    expect(await me.say('时间')).toContain('啥时候遭的');
    expect(await me.say('前天下午')).toContain('时间：7月18日下午');
    expect(await me.say('1')).toContain('上报成功');

    const contact = await Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();
    const report = await Report.findOne({ 'reporter.contactId': contact._id }).orFail().lean();
    // 前天下午 at Beijing 10:00 on 20 July: 18 July 15:00 Beijing.
    expect(report.occurredAt.toISOString()).toBe('2026-07-18T07:00:00.000Z');
  });
});

describe('answers that belong to another question', () => {
  it('keeps “鸡死了十几只” asked for rooms as poultry, and asks the rooms again', async () => {
    const clock = testClock();
    const me = villager(createEngine({ now: clock.now }));
    await me.say('屋头遭水淹了，房子垮了');
    await me.say('同意');
    expect(await me.say('黄金林')).toContain('几间');
    const again = await me.say('鸡死了十几只');
    expect(again).toContain('鸡鸭死了10只');
    expect(again).toContain('几间');
    expect(await me.say('两间')).toContain('房屋倒塌2间');
  });

  it('stays in the case being filed when an unclear answer sounds like another case, and thanks are not failures', async () => {
    const clock = testClock();
    const me = villager(createEngine({ now: clock.now }));
    await me.say('老汉住院了 没得钱');
    const asked = await me.replies('好');
    expect(asked.at(-1)?.flow).toBe('green_channel');
    const unclear = await me.replies('老汉摔断了腿 住院要好几万');
    expect(unclear.map((reply) => reply.flow)).toEqual(['green_channel']);
    const thanks = await me.replies('谢谢');
    expect(thanks).toEqual([expect.objectContaining({ flow: 'green_channel', text: expect.stringContaining('不客气') })]);
    const contact = await Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();
    expect(await Report.countDocuments({ 'reporter.contactId': contact._id })).toBe(0);
  });
});
