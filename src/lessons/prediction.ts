/**
 * Predict, then observe: a learner's guess against the measured value. A
 * number is right within the prediction's tolerance; anything else only
 * when equal. The sentence is what the Learn panel shows after Check.
 */
import { showValue } from './compareOp';
import type { MeasureValue, Prediction } from './format';

export interface PredictionVerdict {
  readonly right: boolean;
  /** "Your prediction 3 was right: the run measured 3." / "...was off: the run measured 1 (within 0 counts as right)." */
  readonly text: string;
}

/** Reads a guess typed as text: a number when it reads as one, else the text trimmed; empty is no guess. */
export function readGuess(typed: string): MeasureValue {
  const text = typed.trim();
  if (text === '') return null;
  const number = Number(text.replace(/,/g, ''));
  return Number.isFinite(number) ? number : text;
}

export function judgePrediction(guess: MeasureValue, measured: MeasureValue, prediction: Pick<Prediction, 'tolerance'>): PredictionVerdict {
  const right = typeof guess === 'number' && typeof measured === 'number'
    ? Math.abs(guess - measured) <= prediction.tolerance
    : guess === measured;
  const within = typeof measured === 'number' && prediction.tolerance > 0 ? ` (within ${showValue(prediction.tolerance)} counts as right)` : '';
  return right
    ? { right, text: `Your prediction ${showValue(guess)} was right: the run measured ${showValue(measured)}${within}.` }
    : { right, text: `Your prediction ${showValue(guess)} was off: the run measured ${showValue(measured)}${within}.` };
}
