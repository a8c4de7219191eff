// For tests: what a throwing call says to a person, in English. A planner input error is worded
// by the catalogue (`input: words`); any other error gives its message.
import { PlannerInputError } from '../sim/index';
import { catalogueT, plannerErrorLine } from './index';

const en = catalogueT('en');

function words(e: unknown): string {
  if (e instanceof PlannerInputError) return plannerErrorLine(e, en);
  return e instanceof Error ? e.message : String(e);
}

/** The words of what `fn` throws; fails the test when it does not throw. */
export function thrownWords(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return words(e);
  }
  throw new Error('expected the call to throw');
}

/** The words of what `promise` rejects with; fails the test when it resolves. */
export async function rejectedWords(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return words(e);
  }
  throw new Error('expected the promise to reject');
}
