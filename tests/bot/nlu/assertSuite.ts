/**
 * Turns a suite into one jest test per fixture row, asserting the exact result.
 */
import type { Suite } from './suites';

/** Declare `describe(suite.name)` with one `it` per row: `run(input)` must strictly equal the expected value. */
export function assertSuite<Output>(suite: Suite<Output>): void {
  describe(suite.name, () => {
    it.each(suite.rows)('%j → %j', (input, expected) => {
      expect(suite.run(input)).toStrictEqual(expected);
    });
  });
}
