/**
 * What measuring one measure on the learner's pipeline gives: a value and a
 * clause that says what was measured ("3 events went to the late port of
 * window 'w'"), or why nothing could be measured ("the pipeline has no node
 * 'w'"), which makes the check not hold.
 */
import type { MeasureValue } from './format';

export type Measured =
  | { readonly ok: true; readonly value: MeasureValue; readonly fact: string }
  | { readonly ok: false; readonly why: string };

export function measured(value: MeasureValue, fact: string): Measured {
  return { ok: true, value, fact };
}

export function unmeasurable(why: string): Measured {
  return { ok: false, why };
}

/** "1 event" / "3 events". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The learner's pipeline does not compile for a run of its own (a changed parameter, say). */
export function compileFailure(problems: readonly { readonly path: string; readonly message: string }[]): Measured {
  const first = problems[0];
  return unmeasurable(`the pipeline cannot run: ${first === undefined ? 'unknown problem' : first.message}`);
}
