import mongoose from 'mongoose';
import { Client } from 'pg';
import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/processes';

// Finds by a top-level equality must be answered by an index, not a scan of the collection.
// On the embedded database that means the GIN indexes the proxy adds beside FerretDB's own btree indexes, checked
// with PostgreSQL's EXPLAIN of the SQL FerretDB sends (`_jsonb->'field' @> '<value>'`) and its index statistics.
// On MongoDB (MONGODB_URI set) the same questions go to the driver's explain() and $indexStats.
useTestDatabase();

interface Person {
  _id: string;
  villageCode: string;
  tags: string[];
  district: string;
  members: { idHash: string }[];
}

/** What a test asks the engine underneath. */
interface Engine {
  /** Refreshes the planner's statistics, as autovacuum would some time after a bulk load. */
  analyze(collection: string): Promise<void>;
  /** The field of the index that answers a find of `{ [field]: value }`, or undefined when the find scans. */
  indexedFieldUsedBy(collection: string, field: string, value: string): Promise<string | undefined>;
  /** How many times the index of `field` has answered a query so far. */
  indexUses(collection: string, field: string): Promise<number>;
  close(): Promise<void>;
}

/** Every value stored under `key`, at any depth of a parsed JSON or BSON document. */
function findAll(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => findAll(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === key ? [v, ...findAll(v, key)] : findAll(v, key)));
}

function dbName(): string {
  const name = mongoose.connection.db?.databaseName;
  if (!name) throw new Error('not connected');
  return name;
}

const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const Rows = <T extends z.ZodType>(row: T) => z.array(row);

async function postgresEngine(url: string): Promise<Engine> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const schema = dbName();

  const table = async (collection: string): Promise<string> => {
    const { rows } = await pg.query(
      `SELECT _jsonb->>'table' AS "table" FROM ${quoted(schema)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
      [collection],
    );
    const [row] = Rows(z.object({ table: z.string() })).parse(rows);
    if (!row) throw new Error(`FerretDB has no table for ${collection}`);
    return row.table;
  };
  /** The GIN index on `_jsonb->'field'` of the collection's table, by name. */
  const ginIndexes = async (collection: string): Promise<Map<string, string>> => {
    const { rows } = await pg.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [
      schema,
      await table(collection),
    ]);
    const byName = new Map<string, string>();
    for (const { indexname, indexdef } of Rows(z.object({ indexname: z.string(), indexdef: z.string() })).parse(rows)) {
      const field = /USING gin \(+_jsonb -> '([^']+)'::text\)+ jsonb_path_ops\)$/.exec(indexdef)?.[1];
      if (field) byName.set(indexname, field);
    }
    return byName;
  };

  return {
    async analyze(collection) {
      await pg.query(`ANALYZE ${quoted(schema)}.${quoted(await table(collection))}`);
    },
    async indexedFieldUsedBy(collection, field, value) {
      const sql = `SELECT _jsonb FROM ${quoted(schema)}.${quoted(await table(collection))} WHERE _jsonb->${literal(field)} @> ${literal(JSON.stringify(value))}`;
      const { rows } = await pg.query(`EXPLAIN (FORMAT JSON) ${sql}`);
      const used = findAll(rows, 'Index Name').filter((name) => typeof name === 'string');
      const gin = await ginIndexes(collection);
      return used.map((name) => gin.get(name)).find((indexed) => indexed !== undefined);
    },
    async indexUses(collection, field) {
      const name = [...(await ginIndexes(collection))].find(([, indexed]) => indexed === field)?.[0];
      if (!name) return 0;
      const { rows } = await pg.query(`SELECT idx_scan FROM pg_stat_user_indexes WHERE schemaname = $1 AND indexrelname = $2`, [
        schema,
        name,
      ]);
      return Rows(z.object({ idx_scan: z.coerce.number() })).parse(rows)[0]?.idx_scan ?? 0;
    },
    close: () => pg.end(),
  };
}

function mongoEngine(): Engine {
  const collectionOf = (name: string): mongoose.mongo.Collection => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    return db.collection(name);
  };
  const IndexSpec = z.object({ name: z.string(), key: z.record(z.string(), z.unknown()) });
  const fieldOfIndex = async (collection: string, name: string): Promise<string | undefined> => {
    const indexes = z.array(IndexSpec).parse(await collectionOf(collection).indexes());
    return Object.keys(indexes.find((index) => index.name === name)?.key ?? {})[0];
  };
  return {
    analyze: async () => undefined,
    async indexedFieldUsedBy(collection, field, value) {
      const plan = await collectionOf(collection)
        .find({ [field]: value })
        .explain('queryPlanner');
      // IDHACK, MongoDB's shortcut for _id equality, names no index.
      const names = findAll(plan, 'stage').includes('IDHACK') ? ['_id_'] : findAll(plan, 'indexName').filter((n) => typeof n === 'string');
      return names[0] === undefined ? undefined : fieldOfIndex(collection, names[0]);
    },
    async indexUses(collection, field) {
      const stats = await collectionOf(collection)
        .aggregate([{ $indexStats: {} }])
        .toArray();
      const Stat = IndexSpec.extend({ accesses: z.object({ ops: z.coerce.number() }) });
      return (
        z
          .array(Stat)
          .parse(stats)
          .find((stat) => Object.keys(stat.key)[0] === field)?.accesses.ops ?? 0
      );
    },
    close: async () => undefined,
  };
}

describe('finds by a top-level equality use an index', () => {
  let engine: Engine;
  let people: mongoose.mongo.Collection<Person>;

  beforeAll(async () => {
    const postgresUrl = process.env.LEVEE_TEST_POSTGRES_URL;
    engine = postgresUrl ? await postgresEngine(postgresUrl) : mongoEngine();
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    people = db.collection<Person>('people');
    await people.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        _id: `p${i}`,
        villageCode: `5001130010${String(i % 100).padStart(2, '0')}`,
        tags: [`t${i % 200}`, `t${(i * 7 + 3) % 200}`],
        district: `d${i % 150}`,
        members: [{ idHash: `h${i}` }],
      })),
    );
    await people.createIndexes([{ key: { villageCode: 1 } }, { key: { tags: 1 } }, { key: { 'members.idHash': 1 } }]);
    await engine.analyze('people');
  });

  afterAll(() => engine.close());

  it('on a top-level field with an index', async () => {
    expect(await engine.indexedFieldUsedBy('people', 'villageCode', '500113001017')).toBe('villageCode');
  });

  it('on _id', async () => {
    expect(await engine.indexedFieldUsedBy('people', '_id', 'p1234')).toBe('_id');
  });

  it('on one element of a top-level array of strings', async () => {
    expect(await engine.indexedFieldUsedBy('people', 'tags', 't17')).toBe('tags');
  });

  it('FerretDB uses an index made after it had already run the same find many times', async () => {
    // PostgreSQL may switch a prepared statement to a generic plan after five runs; a generic plan of
    // `_jsonb->$1 @> $2` cannot use the index of any one field. The wrapper makes FerretDB's sessions plan each run.
    const find = (): Promise<Person[]> => people.find({ district: 'd7' }).toArray();
    for (let run = 0; run < 10; run++) expect(await find()).toHaveLength(20);
    expect(await engine.indexedFieldUsedBy('people', 'district', 'd7')).toBeUndefined();

    await people.createIndex({ district: 1 });
    await engine.analyze('people');
    const before = await engine.indexUses('people', 'district');
    for (let run = 0; run < 10; run++) expect(await find()).toHaveLength(20);
    // A PostgreSQL session publishes its statistics at the end of a transaction at most once a second, or else
    // after ten idle seconds: keep finding until they show.
    const after = await waitFor(
      async () => {
        await find();
        const uses = await engine.indexUses('people', 'district');
        return uses >= before + 10 ? uses : undefined;
      },
      'the finds to show in the index statistics',
      15_000,
    );
    expect(after - before).toBeGreaterThanOrEqual(10);
  });
});
