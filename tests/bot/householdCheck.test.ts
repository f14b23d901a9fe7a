import { createEngine } from '../../bot/engine';
import { HOUSEHOLD_CHECK_LOCK_MS, MAX_HOUSEHOLD_CHECK_FAILURES } from '../../domain/households/linkHousehold';
import { Contact } from '../../models/contact';
import { Report } from '../../models/report';
import { useTestDatabase } from '../helpers/db';
import { HEAD_NAME, HEAD_PHONE, seedBotWorld, testClock, villager, type BotWorld, type Villager } from './helpers';

useTestDatabase();

let world: BotWorld;
beforeAll(async () => {
  world = await seedBotWorld();
});

const WRONG_PHONE = '13900000001';
const clock = testClock();
const engine = createEngine({ now: clock.now });

async function consented(): Promise<Villager> {
  const me = villager(engine);
  await me.say('你好');
  expect(await me.say('同意')).toContain('1 灾情上报');
  return me;
}

/** One green-channel request up to the name and phone; resolves with the bot's answer to them. */
async function greenChannelWith(me: Villager, phone: string): Promise<string> {
  expect(await me.say('我要求助')).toContain('遇到啥子困难');
  expect(await me.say('1')).toContain('简单说一下');
  expect(await me.say('家里没得米了')).toContain('姓名和手机号');
  return me.say(`${HEAD_NAME} ${phone}`);
}

const contactOf = (me: Villager) => Contact.findOne({ channel: 'cli', externalId: me.userId }).orFail().lean();

describe('the household check in the chat', () => {
  it(`locks a villager out after ${MAX_HOUSEHOLD_CHECK_FAILURES} wrong phones, and a right one does not link during the lock`, async () => {
    const me = await consented();
    for (let attempt = 1; attempt < MAX_HOUSEHOLD_CHECK_FAILURES; attempt++) {
      expect(await greenChannelWith(me, WRONG_PHONE)).toContain('系统里还没找到您家的农户信息，绿色通道要网格员帮您核对后办理');
      expect((await contactOf(me)).householdCheckFailures).toBe(attempt);
    }
    expect(await greenChannelWith(me, WRONG_PHONE)).toContain('姓名和电话核对不上的次数太多，今天先不再核对了');
    const locked = await contactOf(me);
    expect(locked.householdCheckLockedUntil?.getTime()).toBe(clock.now().getTime() + HOUSEHOLD_CHECK_LOCK_MS);
    expect(locked.householdId).toBeUndefined();

    // Locked: the next request does not ask for the name and phone again; it goes to the grid worker.
    await me.say('我要求助');
    await me.say('1');
    expect(await me.say('家里没得米了')).toContain('次数太多');

    // A damage report still goes through with name and phone; the right phone, given now, does not link.
    await me.say('昨晚屋头遭水淹了，垮了两间房');
    await me.say('黄金林');
    await me.say('没有');
    expect(await me.say('跳过')).toContain('请核对');
    await me.say('2');
    expect(await me.say('联系人')).toContain('姓名和手机号');
    expect(await me.say(`${HEAD_NAME} ${HEAD_PHONE}`)).toContain('138****5678');
    expect(await me.say('1')).toContain('上报成功');
    const after = await contactOf(me);
    expect(after.householdId).toBeUndefined();
    expect(after.phone?.masked).toBe('138****5678');
    const report = await Report.findOne({ 'reporter.contactId': after._id }).orFail().lean();
    expect(report.householdId ?? undefined).toBeUndefined();
  });

  it('links on the right name and phone before the lock, and resets the count', async () => {
    const me = await consented();
    expect(await greenChannelWith(me, WRONG_PHONE)).toContain('系统里还没找到');
    expect((await contactOf(me)).householdCheckFailures).toBe(1);
    expect(await greenChannelWith(me, HEAD_PHONE)).toContain('困难：生活');
    expect(await me.say('1')).toMatch(/编号：LT\d{8}-\d{4}/);
    const linked = await contactOf(me);
    expect(linked.householdId?.toString()).toBe(world.householdId);
    expect(linked.householdCheckFailures).toBe(0);
    expect(linked.householdCheckLockedUntil ?? undefined).toBeUndefined();
  });
});
