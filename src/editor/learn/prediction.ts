/** Predict, then observe: reading the learner's number and comparing it with what the lesson's start (or solution) gives. */
import type { MeasureValue, Prediction } from '../../lessons/format';

export type PredictionReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** The learner's prediction as typed: a number, thousands separators and spaces allowed ("1,200"). */
export function readPrediction(text: string): PredictionReading {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter your prediction (a number) before you check.' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim().slice(0, 40)}” is not a number: enter your prediction as a number, like 12.` };
  return { ok: true, value };
}

export interface PredictionOutcome {
  readonly within: boolean;
  readonly text: string;
}

const shown = (value: number): string => value.toLocaleString('en', { maximumFractionDigits: 6 });

/** The pipeline a prediction is about, as the answer names it. */
export function pipelineWords(on: Prediction['on']): string {
  return on === 'solution' ? 'the solution' : 'the starting pipeline';
}

/** "You predicted 3; the starting pipeline gives 5: off by 2, too far (an exact answer was asked for)." */
export function comparePrediction(predicted: number, measured: MeasureValue | undefined, tolerance: number, on: Prediction['on']): PredictionOutcome {
  const pipeline = pipelineWords(on);
  if (typeof measured !== 'number') {
    const what = measured === null || measured === undefined ? 'nothing (no value to compare)' : `“${String(measured)}”, not a number`;
    return { within: false, text: `You predicted ${shown(predicted)}; ${pipeline} gives ${what}.` };
  }
  const off = Math.abs(predicted - measured);
  const within = off <= tolerance;
  const head = `You predicted ${shown(predicted)}; ${pipeline} gives ${shown(measured)}`;
  if (off === 0) return { within, text: `${head}: exactly right.` };
  const allowed = tolerance === 0 ? 'an exact answer was asked for' : `within ${shown(tolerance)} counts as right`;
  return { within, text: `${head}: off by ${shown(off)}, ${within ? 'close enough' : 'too far'} (${allowed}).` };
}
