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
    expect(await me.say('没有了')).toContain('照片');
    expect(await me.say('跳过')).toContain('姓名和手机号');

    const summary = await me.say(`${HEAD_NAME} ${HEAD_PHONE}`);
    expect(summary).toContain('请核对');
    expect(summary).toContain('138****5678');
    expect(summary).not.toContain(HEAD_PHONE);

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

    const conversation = await Conversation.findById(`cli:${me.userId}`).orFail().lean();
    expect(conversation.flow).toBeUndefined();
    const linked = await Contact.findById(contact._id).orFail().lean();
    expect(linked.householdId?.toString()).toBe(world.householdId);
    expect(linked.phone?.masked).toBe('138****5678');
  });
});
