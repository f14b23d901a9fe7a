import { importRegions } from '../../domain/regions/importRegions';
import { educationSeedLoader } from '../../domain/education/educationSeedLoader';
import { sealPii } from '../../lib/pii';
import { Household } from '../../models/household';
import { StaffUser } from '../../models/staffUser';
import type { Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createBot } from '../../bot/createBot';
import { createEngine, type Engine } from '../../bot/engine';
import type { BotChannel, Reply } from '../../domain/conversations/messages';

/** 东温泉镇黄金林村: the village of the scripted villagers. */
export const HUANGJINLIN = '500113114218';
/** 木洞镇中坝村. */
export const ZHONGBA = '500113109200';
/** The registered head of household of the fixtures, and her phone. */
export const HEAD_NAME = '王秀英';
export const HEAD_PHONE = '13812345678';

/** A clock the test moves by hand: the engine reads it, no fake timers. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

/** A clock starting at a fixed summer morning (汛期), Beijing 10:00. */
export function testClock(start = new Date('2026-07-20T02:00:00Z')): TestClock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

/** What the bot's scripted villagers meet: the regions, the articles, a grid worker, a registered household. */
export interface BotWorld {
  gridWorkerName: string;
  householdId: string;
}

/** Loads the region table and the seed articles, and adds a grid worker and a 脱贫户 household of 黄金林村. */
export async function seedBotWorld(): Promise<BotWorld> {
  await importRegions();
  await educationSeedLoader();
  const worker = await StaffUser.create({
    name: '李网格',
    role: 'grid_worker',
    regionCode: HUANGJINLIN,
    regionLevel: 'village',
    username: `grid-${HUANGJINLIN}`,
  });
  const household = await Household.create({
    householdNo: 'HJL-0001',
    villageCode: HUANGJINLIN,
    townCode: '500113114000',
    head: { name: HEAD_NAME, relation: '户主', phone: sealPii('phone', HEAD_PHONE) },
    categories: ['脱贫户'],
    gridWorkerId: worker._id,
  });
  return { gridWorkerName: worker.name, householdId: household.id };
}

/** A scripted villager talking to an engine; each call resolves with the bot's answers to that message. */
export interface Villager {
  userId: string;
  say(text: string): Promise<string>;
  replies(text: string): Promise<Reply[]>;
  image(ref: { fileId: string } | { url: string }): Promise<string>;
  location(lat: number, lng: number, label?: string): Promise<string>;
  voice(): Promise<string>;
  /** Sends a message with a chosen id (to redeliver one). */
  raw(messageId: string, text: string): Promise<Reply[]>;
}

let sequence = 0;

/** A villager on `channel` with a fresh user id; message ids are unique per call. */
export function villager(engine: Engine, channel: BotChannel = 'cli', userId = `u${Date.now().toString(36)}${++sequence}`): Villager {
  const next = () => `m${++sequence}`;
  const joined = (replies: Reply[]) => replies.map((reply) => reply.text).join('\n');
  const base = { channel, userId };
  return {
    userId,
    replies: (text) => engine.handle({ ...base, messageId: next(), kind: 'text', text }),
    say: async (text) => joined(await engine.handle({ ...base, messageId: next(), kind: 'text', text })),
    image: async (image) => joined(await engine.handle({ ...base, messageId: next(), kind: 'image', image })),
    location: async (lat, lng, label) =>
      joined(await engine.handle({ ...base, messageId: next(), kind: 'location', location: { lat, lng, label } })),
    voice: async () => joined(await engine.handle({ ...base, messageId: next(), kind: 'voice' })),
    raw: (messageId, text) => engine.handle({ ...base, messageId, kind: 'text', text }),
  };
}

/** A real Wechaty on the mock puppet, logged in, with one villager whose replies from the bot are collected. */
export interface MockWechaty {
  bot: Wechaty;
  engine: Engine;
  mocker: mock.Mocker;
  puppet: PuppetMock;
  botUser: mock.ContactMock;
  villager: mock.ContactMock;
  /** Every text the bot sent the villager, in order. */
  replies: string[];
}

/** Starts a bot on a fresh mocker (pools never leak between tests); stop it with `bot.stop()` after each test. */
export async function startMockWechaty({
  villagerName,
  sendIntervalMs,
}: {
  villagerName: string;
  sendIntervalMs?: number;
}): Promise<MockWechaty> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const engine = createEngine();
  const bot = createBot({ engine, puppet, sendIntervalMs });
  await bot.start();
  const botUser = mocker.createContact({ name: '巴南防灾服务' });
  const villager = mocker.createContact({ name: villagerName });
  mocker.login(botUser);
  const replies: string[] = [];
  villager.on('message', (msg) => {
    if (msg.talker().id === botUser.id) replies.push(msg.text() ?? '');
  });
  return { bot, engine, mocker, puppet, botUser, villager, replies };
}
