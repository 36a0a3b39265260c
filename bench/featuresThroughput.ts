/**
 * Events per second of transform.rolling and transform.clean over 1M
 * records (10 keys), fed to the operators straight in batches of 4096, no
 * source or sink: `npx tsx bench/featuresThroughput.ts`. Timings on a busy
 * machine are only indicative.
 */
import { createStringDict, internString, newColumns, type Batch } from '../src/engine/batch';
import { createCleanOperator } from '../src/engine/features/cleanOperator';
import { createRollingOperator } from '../src/engine/features/rollingOperator';
import type { Operator, OperatorContext } from '../src/engine/operators/types';
import type { RollingFeature } from '../src/model';

const N = 1_000_000;
const BATCH = 4096;
const KEYS = 10;

function batches(missingEvery: number): Batch[] {
  const dict = createStringDict();
  for (let k = 0; k < KEYS; k++) internString(dict, `k${k}`);
  const out: Batch[] = [];
  let seed = 1;
  for (let from = 0; from < N; from += BATCH) {
    const n = Math.min(BATCH, N - from);
    const time = new Float64Array(n);
    const v = new Float64Array(n);
    const codes = new Int32Array(n);
    const keys = new Int32Array(n);
    const watermark = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = from + i;
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      time[i] = 1_700_000_000_000 + j * 100;
      v[i] = missingEvery > 0 && j % missingEvery === 0 ? NaN : 50 + (seed / 2 ** 31) * 10;
      codes[i] = keys[i] = j % KEYS;
      watermark[i] = time[i]! - 1001;
    }
    const columns = newColumns();
    columns['ts'] = { type: 'time', values: time };
    columns['k'] = { type: 'string', codes, dict };
    columns['v'] = { type: 'number', values: v };
    out.push({ length: n, time, columns, watermark, endWatermark: time[n - 1]! - 1001, keys, keyBound: KEYS });
  }
  return out;
}

function measure(name: string, make: (ctx: OperatorContext) => Operator, input: Batch[]): void {
  let rows = 0;
  const ctx: OperatorContext = { nodeId: 'x', emit: (_port, b) => { rows += b.length; }, trace: null, now: () => 0 };
  const op = make(ctx);
  const start = performance.now();
  for (const b of input) op.push(b, 0);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name.padEnd(48)} ${(N / seconds / 1e6).toFixed(2)} M events/s (${rows} rows out)`);
}

const clean = batches(0);
const holes = batches(7);
const all: RollingFeature[] = [
  { name: 'mean', fn: 'mean' }, { name: 'sd', fn: 'stddev' }, { name: 'lo', fn: 'min' }, { name: 'hi', fn: 'max' },
  { name: 'med', fn: 'median' }, { name: 'p90', fn: 'quantile', q: 0.9 }, { name: 'e', fn: 'ewma' }, { name: 'roc', fn: 'rateOfChange' }, { name: 'lag', fn: 'lag' }, { name: 'd', fn: 'diff' },
];
const rolling = (count: number | null, durationMs: number | null, features: RollingFeature[]) => (ctx: OperatorContext) =>
  createRollingOperator({ field: 'v', count, durationMs, features, dropKeys: false }, ctx);
measure('rolling mean+stddev, last 100', rolling(100, null, all.slice(0, 2)), clean);
measure('rolling min+max, last 1000', rolling(1000, null, all.slice(2, 4)), clean);
measure('rolling median+p90, last 1000', rolling(1000, null, all.slice(4, 6)), clean);
measure('rolling all ten features, last 1000', rolling(1000, null, all), clean);
measure('rolling all ten features, last 10 min', rolling(null, 600_000, all), clean);
const cleanOp = (missing: 'forwardFill' | 'interpolate', resampleMs: number | null) => (ctx: OperatorContext) =>
  createCleanOperator({ fields: ['v'], missing, constant: 0, maxWaitMs: 60_000, min: -Infinity, max: Infinity, resampleMs }, ctx);
measure('clean forwardFill, 1 in 7 missing', cleanOp('forwardFill', null), holes);
measure('clean interpolate, 1 in 7 missing', cleanOp('interpolate', null), holes);
measure('clean resample 10 s, forwardFill', cleanOp('forwardFill', 10_000), holes);
