import { INTENTS, MAIN_MENU, detectIntent } from '../../../bot/nlu';
import { intentRows } from './fixtures';
import { assertSuite } from './assertSuite';
import { intent, intentSlots } from './suites';

assertSuite(intent);
assertSuite(intentSlots);

describe('detectIntent', () => {
  it('answers every menu number with confidence 1', () => {
    for (const item of MAIN_MENU) {
      expect(detectIntent(String(item.choice))).toStrictEqual({
        intent: item.intent,
        confidence: 1,
        slots: { menuChoice: item.choice },
      });
    }
  });

  it('gives a confidence between 0 and 1, and 0 only for unknown', () => {
    for (const [text] of intentRows) {
      const { intent: detected, confidence } = detectIntent(text);
      expect(INTENTS).toContain(detected);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(confidence === 0).toBe(detected === 'unknown');
    }
  });
});
