import mongoose from 'mongoose';
import { testDatabaseUri, useTestDatabase } from '../helpers/db';

// Concurrent writes through the real driver, on the run's database: the embedded FerretDB behind levee's proxy,
// or MongoDB when MONGODB_URI is set. Both must give MongoDB's answer. Each test checks what the calls returned
// and what is stored afterwards.
useTestDatabase();

interface Doc {
  _id: string;
  n?: number;
  status?: string;
  key?: string;
  winner?: number;
  list?: number[];
  holder?: number;
  [field: `f${number}`]: number;
}

let counter = 0;
/** A collection of this test's own, so tests cannot see each other's documents. */
function collection(): mongoose.mongo.Collection<Doc> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection<Doc>(`atomicity_${++counter}`);
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('one document updated by many at once', () => {
  it('50 concurrent $inc add up to 50', async () => {
    const c = collection();
    await c.insertOne({ _id: 'counter', n: 0 });
    const results = await Promise.all(range(50).map(() => c.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })));
    expect(results.map((r) => r.modifiedCount)).toEqual(range(50).map(() => 1));
    expect(await c.findOne({ _id: 'counter' })).toEqual({ _id: 'counter', n: 50 });
  });

  it('30 concurrent $push keep all 30 elements', async () => {
    const c = collection();
    await c.insertOne({ _id: 'list', list: [] });
    await Promise.all(range(30).map((i) => c.updateOne({ _id: 'list' }, { $push: { list: i } })));
    const stored = await c.findOne({ _id: 'list' });
    expect([...(stored?.list ?? [])].sort((a, b) => a - b)).toEqual(range(30));
  });

  it('30 concurrent $set of different fields keep all 30 fields', async () => {
    const c = collection();
    await c.insertOne({ _id: 'wide' });
    await Promise.all(range(30).map((i) => c.updateOne({ _id: 'wide' }, { $set: { [`f${i}`]: i } })));
    const stored = await c.findOne({ _id: 'wide' });
    expect(range(30).filter((i) => stored?.[`f${i}`] === i)).toEqual(range(30));
  });

  it('30 concurrent compare-and-set updates by _id and status have exactly one winner', async () => {
    const c = collection();
    await c.insertOne({ _id: 'job', status: 'a' });
    const results = await Promise.all(range(30).map((i) => c.updateOne({ _id: 'job', status: 'a' }, { $set: { status: 'b', winner: i } })));
    const winners = range(30).filter((i) => results[i]?.modifiedCount === 1);
    expect(winners).toHaveLength(1);
    expect(await c.findOne({ _id: 'job' })).toEqual({ _id: 'job', status: 'b', winner: winners[0] });
  });

  it('30 concurrent compare-and-set updates without _id in the filter have exactly one winner', async () => {
    const c = collection();
    await c.insertMany([
      { _id: 'job', key: 'k1', status: 'a' },
      { _id: 'other', key: 'k2', status: 'a' },
    ]);
    const results = await Promise.all(range(30).map((i) => c.updateOne({ key: 'k1', status: 'a' }, { $set: { status: 'b', winner: i } })));
    const winners = range(30).filter((i) => results[i]?.modifiedCount === 1);
    expect(winners).toHaveLength(1);
    expect(await c.findOne({ _id: 'job' })).toEqual({ _id: 'job', key: 'k1', status: 'b', winner: winners[0] });
    expect(await c.findOne({ _id: 'other' })).toEqual({ _id: 'other', key: 'k2', status: 'a' });
  });

  it('the same holds when the statements travel as a document sequence (bulkWrite), for updates and deletes', async () => {
    // The driver sends bulkWrite's statements as an OP_MSG document sequence (section kind 1), updateOne's inside
    // the command document: the proxy must find the filter in both.
    const c = collection();
    await c.insertMany([{ _id: 'job', status: 'a' }, { _id: 'gone' }]);
    const updates = await Promise.all(
      range(30).map((i) =>
        c.bulkWrite([{ updateOne: { filter: { _id: 'job', status: 'a' }, update: { $set: { status: 'b', winner: i } } } }]),
      ),
    );
    const winners = range(30).filter((i) => updates[i]?.modifiedCount === 1);
    expect(winners).toHaveLength(1);
    expect(await c.findOne({ _id: 'job' })).toEqual({ _id: 'job', status: 'b', winner: winners[0] });

    const deletes = await Promise.all(range(20).map(() => c.bulkWrite([{ deleteOne: { filter: { _id: 'gone' } } }])));
    expect(deletes.filter((r) => r.deletedCount === 1)).toHaveLength(1);
    expect(await c.countDocuments({ _id: 'gone' })).toBe(0);
  });

  it('30 concurrent findOneAndDelete of one document hand it to exactly one caller', async () => {
    const c = collection();
    await c.insertOne({ _id: 'ticket', status: 'open' });
    const taken = await Promise.all(range(30).map(() => c.findOneAndDelete({ _id: 'ticket' })));
    expect(taken.filter((doc) => doc !== null)).toEqual([{ _id: 'ticket', status: 'open' }]);
    expect(await c.countDocuments()).toBe(0);
  });
});

describe('findOneAndUpdate claims', () => {
  it('30 workers claiming one document by _id: exactly one gets it', async () => {
    const c = collection();
    await c.insertOne({ _id: 'delivery', status: 'pending' });
    const claims = await Promise.all(
      range(30).map((i) =>
        c.findOneAndUpdate({ _id: 'delivery', status: 'pending' }, { $set: { status: 'sending', holder: i } }, { returnDocument: 'after' }),
      ),
    );
    const won = claims.filter((doc) => doc !== null);
    expect(won).toHaveLength(1);
    expect(await c.findOne({ _id: 'delivery' })).toEqual(won[0]);
  });

  it('60 workers draining a queue of 40: every job is handed out once, to the worker the job names', async () => {
    const c = collection();
    await c.insertMany(range(40).map((i) => ({ _id: `job${i}`, status: 'pending' })));
    const claims = await Promise.all(
      range(60).map((worker) =>
        c.findOneAndUpdate({ status: 'pending' }, { $set: { status: 'taken', holder: worker } }, { returnDocument: 'after' }),
      ),
    );
    const won = claims.filter((doc) => doc !== null);
    expect(won).toHaveLength(40);
    expect(new Set(won.map((doc) => doc._id)).size).toBe(40);
    const stored = await c.find().toArray();
    expect(stored.every((doc) => doc.status === 'taken')).toBe(true);
    for (const doc of won) expect(stored.find((s) => s._id === doc._id)?.holder).toBe(doc.holder);
  });
});

describe('many updates in flight at once finish', () => {
  /** A client of its own, with a pool big enough to really have `size` requests in flight. */
  async function withClient<T>(size: number, use: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
    const client = await mongoose.mongo.MongoClient.connect(testDatabaseUri(), { maxPoolSize: size, serverSelectionTimeoutMS: 5_000 });
    try {
      const name = mongoose.connection.db?.databaseName;
      if (!name) throw new Error('not connected');
      return await use(client.db(name));
    } finally {
      await client.close();
    }
  }

  it('100 concurrent updates of 100 documents', async () => {
    const c = collection();
    await c.insertMany(range(100).map((i) => ({ _id: `d${i}`, n: 0 })));
    const results = await withClient(100, (db) =>
      Promise.all(range(100).map((i) => db.collection<Doc>(c.collectionName).updateOne({ _id: `d${i}` }, { $inc: { n: 1 } }))),
    );
    expect(results.every((r) => r.modifiedCount === 1)).toBe(true);
    expect(await c.countDocuments({ n: 1 })).toBe(100);
  });

  it('5 concurrent bulkWrites of 25 updates each, on 5 collections', async () => {
    // 125 update statements at once took FerretDB's whole PostgreSQL pool and hung it, before the proxy capped them.
    const collections = range(5).map(() => collection());
    for (const c of collections) await c.insertMany(range(25).map((i) => ({ _id: `d${i}`, n: 0 })));
    const results = await withClient(10, (db) =>
      Promise.all(
        collections.map((c) =>
          db
            .collection<Doc>(c.collectionName)
            .bulkWrite(range(25).map((i) => ({ updateOne: { filter: { _id: `d${i}` }, update: { $inc: { n: 1 } } } }))),
        ),
      ),
    );
    expect(results.map((r) => r.modifiedCount)).toEqual([25, 25, 25, 25, 25]);
    for (const c of collections) expect(await c.countDocuments({ n: 1 })).toBe(25);
  });
});
