import { performance } from 'node:perf_hooks';
import type { z } from 'zod';

/** What one run of an operation at one concurrency measured. */
export interface Measurement {
  ops: number;
  failures: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  /** The first failure, to print when something went wrong. */
  firstFailure?: string;
}

/** The value at quantile `q` (0–1) of sorted `values` (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** What a run measured, from its latencies (sorted here), failures and start time. */
export function summarize(latencies: number[], failures: number, started: number, firstFailure?: string): Measurement {
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    failures,
    seconds,
    throughput: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    firstFailure,
  };
}

/**
 * Runs `op` `total` times from `concurrency` workers that each start the next call as soon as their last one ends
 * (a closed loop, as phones retrying a queue do). `op(i)` gets a distinct index and throws on failure.
 */
export async function measure(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(latencies, failures, started, firstFailure);
}

/** One row of the result table. */
export interface Row {
  scenario: string;
  concurrency: number;
  http: Measurement;
  raw: Measurement;
}

const pad = (text: string, width: number): string => text.padStart(width);
const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** The table: HTTP create vs raw insertOne, throughput and latency, and how many times faster the raw insert is. */
export function formatTable(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'conc',
    'http ops/s',
    'http p50 ms',
    'http p99 ms',
    'raw ops/s',
    'raw p50 ms',
    'raw p99 ms',
    'raw/http',
    'errors',
  ];
  const widths = [16, 5, 11, 12, 12, 10, 11, 11, 9, 7];
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : pad(cell, widths[i] ?? 0))).join(' | ');
  const body = rows.map((row) =>
    line([
      row.scenario,
      String(row.concurrency),
      fixed(row.http.throughput),
      fixed(row.http.p50, 2),
      fixed(row.http.p99, 2),
      fixed(row.raw.throughput),
      fixed(row.raw.p50, 2),
      fixed(row.raw.p99, 2),
      `${fixed(row.raw.throughput / row.http.throughput, 2)}×`,
      String(row.http.failures + row.raw.failures),
    ]),
  );
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body].join('\n');
}

/** Parses `--name value` pairs against a benchmark's flag schema; an unknown or incomplete flag throws with the usage. */
export function parseFlags<S extends z.ZodObject>(schema: S, args: readonly string[], usage: string): z.output<S> {
  const pairs: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '');
    const value = args[i + 1];
    if (!key || value === undefined || !(key in schema.shape)) throw new Error(`unknown or incomplete flag ${args[i] ?? ''}\n${usage}`);
    pairs[key] = value;
  }
  return schema.parse(pairs);
}
