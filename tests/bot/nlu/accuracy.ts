/**
 * Accuracy of each recogniser over the shared fixture table, hard cases included.
 * Run with `npx tsx tests/bot/nlu/accuracy.ts`. Not a test: it asserts nothing and exports nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import * as suites from './suites';
import type { Suite } from './suites';

function score<Output>(suite: Suite<Output>): { rows: number; passed: number; hardPassed: number; failures: string[] } {
  const failures: string[] = [];
  const check = (rows: ReadonlyArray<readonly [string, Output]>, label: string): number =>
    rows.filter(([input, expected]) => {
      const actual = suite.run(input);
      const ok = isDeepStrictEqual(actual, expected);
      if (!ok) failures.push(`  ${label} ${JSON.stringify(input)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return ok;
    }).length;
  return { rows: suite.rows.length, passed: check(suite.rows, 'row'), hardPassed: check(suite.hard, 'hard'), failures };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

const all: ReadonlyArray<Suite<unknown>> = Object.values(suites);
let totalRows = 0;
let totalPassed = 0;
const lines: string[] = [];
for (const suite of all) {
  const { rows, passed, hardPassed, failures } = score(suite);
  const total = rows + suite.hard.length;
  const correct = passed + hardPassed;
  totalRows += total;
  totalPassed += correct;
  const hardNote = suite.hard.length === 0 ? '' : ` (fixtures ${passed}/${rows}, hard cases ${hardPassed}/${suite.hard.length})`;
  lines.push(`${suite.name}: ${correct}/${total} = ${percent(correct, total)}${hardNote}`, ...failures);
}
lines.push(`all: ${totalPassed}/${totalRows} = ${percent(totalPassed, totalRows)}`);
process.stdout.write(`${lines.join('\n')}\n`);
