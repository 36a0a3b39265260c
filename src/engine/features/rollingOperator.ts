/**
 * transform.rolling: every record goes on with its fields plus the features
 * of its key's window after it arrived (see rollingWindow.ts for what the
 * window holds). A record whose field is missing does not join the window:
 * its features describe the window as it stands, its diff and rate of change
 * are missing and its lag is the key's last known value.
 */
import type { Batch, Column } from '../batch';
import { columnOf, copyColumns } from '../batch';
import { withColumnsAndKeys } from '../batchOps';
import { snapshotMethods } from '../snapshot/operatorState';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import type { RollingFeature } from '../../model';
import {
  addToCountWindow, addToDurationWindow, advanceDurationWindow, createKeyState, windowMax, windowMean, windowMin, windowQuantile,
  windowRate, windowStddev, type RollingKeyState, type WindowNeeds,
} from './rollingWindow';

/** The ewma weight of a feature without an alpha. */
export const DEFAULT_ALPHA = 0.3;

export interface RollingConfig {
  readonly field: string;
  /** Exactly one of the two. */
  readonly count: number | null;
  readonly durationMs: number | null;
  readonly features: readonly RollingFeature[];
  /** A feature replaced a key field: the output is not keyed any more. */
  readonly dropKeys: boolean;
}

export function windowNeeds(features: readonly RollingFeature[]): WindowNeeds {
  return {
    minMax: features.some((f) => f.fn === 'min' || f.fn === 'max'),
    sorted: features.some((f) => f.fn === 'median' || f.fn === 'quantile'),
    alphas: features.filter((f) => f.fn === 'ewma').map((f) => f.alpha ?? DEFAULT_ALPHA),
  };
}

/** Plain-data state: one window per key id (0 when the stream is not keyed). */
export interface RollingState {
  readonly perKey: (RollingKeyState | undefined)[];
}

/** Feature kinds as small integers, so the per-row loop switches on numbers. */
const FN_CODES: ReadonlyMap<RollingFeature['fn'], number> = new Map([
  ['mean', 0], ['stddev', 1], ['min', 2], ['max', 3], ['median', 4], ['quantile', 5], ['ewma', 6], ['rateOfChange', 7], ['lag', 8], ['diff', 9],
]);

export function createRollingOperator(config: RollingConfig, ctx: OperatorContext): Operator & { readonly state: RollingState } {
  const needs = windowNeeds(config.features);
  const state: RollingState = { perKey: [] };
  const codes = Int32Array.from(config.features, (f) => FN_CODES.get(f.fn)!);
  const qs = Float64Array.from(config.features, (f) => (f.fn === 'median' ? 0.5 : f.q ?? 0.5));
  // Index of each ewma feature into the key's ewma array.
  const ewmaIndex = new Int32Array(config.features.length);
  let e = 0;
  config.features.forEach((f, i) => { if (f.fn === 'ewma') ewmaIndex[i] = e++; });
  const alphas = Float64Array.from(needs.alphas);
  const featureCount = config.features.length;
  const snapshots = snapshotMethods({ state }, [config]);

  function update(s: RollingKeyState, time: number, x: number): boolean {
    if (Number.isNaN(x)) {
      if (config.durationMs !== null) advanceDurationWindow(s, needs, config.durationMs, time);
      else if (time > s.tmax) s.tmax = time;
      return false;
    }
    for (let a = 0; a < alphas.length; a++) {
      const prev = s.ewma[a]!;
      s.ewma[a] = Number.isNaN(prev) ? x : alphas[a]! * x + (1 - alphas[a]!) * prev;
    }
    if (config.count !== null) {
      addToCountWindow(s, needs, config.count, time, x);
      return true;
    }
    return addToDurationWindow(s, needs, config.durationMs!, time, x);
  }

  return {
    state,
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    push(batch: Batch): void {
      const n = batch.length;
      const input = columnOf(batch.columns, config.field);
      const values = input !== undefined && input.type !== 'string' && input.type !== 'boolean' ? input.values : null;
      const outs: Float64Array[] = [];
      for (let f = 0; f < featureCount; f++) outs.push(new Float64Array(n));
      const keys = batch.keys;
      for (let i = 0; i < n; i++) {
        const key = keys === null ? 0 : keys[i]!;
        let s = state.perKey[key];
        if (s === undefined) s = state.perKey[key] = createKeyState(needs);
        const x = values === null ? NaN : values[i]!;
        const time = batch.time[i]!;
        const lag = s.last;
        const joined = update(s, time, x);
        if (!Number.isNaN(x)) s.last = x;
        for (let f = 0; f < featureCount; f++) {
          let r: number;
          switch (codes[f]) {
            case 0: r = windowMean(s); break;
            case 1: r = windowStddev(s); break;
            case 2: r = windowMin(s); break;
            case 3: r = windowMax(s); break;
            case 4: case 5: r = windowQuantile(s, qs[f]!); break;
            case 6: r = s.ewma[ewmaIndex[f]!]!; break;
            case 7: r = joined ? windowRate(s, time, x) : NaN; break;
            case 8: r = lag; break;
            default: r = x - lag; break;
          }
          outs[f]![i] = r;
        }
      }
      const columns = copyColumns(batch.columns);
      config.features.forEach((f, j) => { columns[f.name] = { type: 'number', values: outs[j]! } satisfies Column; });
      ctx.emit('out', config.dropKeys ? withColumnsAndKeys(batch, columns, null, undefined) : withColumnsAndKeys(batch, columns, keys, batch.keyBound));
    },
    stats(): StateStats {
      let keys = 0;
      for (const s of state.perKey) if (s !== undefined) keys++;
      return { keys, openWindows: 0, lateEvents: 0 };
    },
  };
}
