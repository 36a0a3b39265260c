/** A check outcome's sentence as the Learn panel shows it beside its verdict and its own words. */
import type { CheckOutcome } from '../../lessons/evaluate';

/**
 * What the run measured, without what is shown beside it already: the
 * verdict (in words of its own) and the check's own words when the sentence repeats them.
 */
export function detailOf(outcome: Pick<CheckOutcome, 'text' | 'says'>): string {
  let rest = outcome.text.replace(/^\s*(holds|does not hold)\s*:\s*/i, '').trim();
  if (rest.startsWith(outcome.says)) {
    rest = rest.slice(outcome.says.length).trim();
    const wrapped = /^\((.*)\)\.?$/s.exec(rest);
    if (wrapped !== null) rest = wrapped[1]!.trim();
    if (rest === '.') rest = '';
  }
  return rest;
}
