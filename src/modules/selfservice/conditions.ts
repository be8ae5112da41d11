// Conditions on earlier answers: which steps and fields are shown, and which answers
// end in an eligibility exit. A test on a question that was not answered is false.
import type { Answers, Condition, ConditionTest } from './schema.ts';

function holds(test: ConditionTest, answers: Answers): boolean {
  const value = answers[test.field];
  if (value === undefined) return false;
  const text = typeof value === 'string' ? value : undefined;
  if (test.equals !== undefined && text !== test.equals) return false;
  if (test.notEquals !== undefined && text === test.notEquals) return false;
  if (test.in !== undefined && (text === undefined || !test.in.includes(text))) return false;
  if (test.includes !== undefined && !(Array.isArray(value) && (value as unknown[]).includes(test.includes))) return false;
  if (test.atLeast !== undefined && !(typeof value === 'number' && value >= test.atLeast)) return false;
  if (test.above !== undefined && !(typeof value === 'number' && value > test.above)) return false;
  if (test.atMost !== undefined && !(typeof value === 'number' && value <= test.atMost)) return false;
  if (test.below !== undefined && !(typeof value === 'number' && value < test.below)) return false;
  return true;
}

export function evaluate(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((t) => holds(t, answers));
  if ('any' in condition) return condition.any.some((t) => holds(t, answers));
  return holds(condition, answers);
}

/** No condition: always shown. */
export function isVisible(condition: Condition | undefined, answers: Answers): boolean {
  return condition === undefined || evaluate(condition, answers);
}
