import { createEngine } from '../../bot/engine';
import { KeyedQueue } from '../../bot/keyedQueue';
import { Pacer } from '../../bot/pacer';
import { Conversation } from '../../models/conversation';
import { useTestDatabase } from '../helpers/db';
import { seedBotWorld, villager } from './helpers';

useTestDatabase();
beforeAll(async () => {
  await seedBotWorld();
});

describe('ordering and pacing', () => {
  it('runs tasks of one key one at a time in order, and other keys meanwhile', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    let releaseFirst = (): void => undefined;
    const first = queue.run(
      'a',
      () =>
        new Promise<void>((resolve) => {
          events.push('a1 start');
          releaseFirst = () => {
            events.push('a1 end');
            resolve();
          };
        }),
    );
    const second = queue.run('a', async () => void events.push('a2'));
    await queue.run('b', async () => void events.push('b1'));
    expect(events).toEqual(['a1 start', 'b1']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it('keeps going after a failed task', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('spaces sends at least the interval apart', async () => {
    const pacer = new Pacer(40);
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.send(async () => void starts.push(performance.now()))));
    expect(starts).toHaveLength(3);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(38);
  });

  it('answers quick messages of one villager in the order sent, each against the state the previous one left', async () => {
    const engine = createEngine();
    const me = villager(engine);
    const answers = await Promise.all(['你好', '同意', '屋头遭水淹了', '黄金林村'].map((text) => me.replies(text)));
    expect(answers.map((replies) => replies[0]?.step)).toEqual(['ask', 'choose', 'village', 'damage']);
    const conversation = await Conversation.findById(`cli:${me.userId}`).orFail().lean();
    expect(conversation.step).toBe('damage');
  });
});
