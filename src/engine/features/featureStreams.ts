/**
 * Test support for the feature transforms: random keyed event streams (late
 * records, missing values, tied times), the pipelines that run them, and a
 * brute-force reference of transform.rolling that recomputes every feature
 * from the whole history of the key, by sorting.
 */
import fc from 'fast-check';
import type { PipelineDocument } from '../../model';
import type { RollingFeature } from '../../model';
import { ndjsonData, pipeline } from '../testing/documents';

export type Event = {
  readonly ts: number;
  readonly k: string;
  readonly v: number | null;
};

/** Events in roughly rising time: some late (up to 3 s behind), some tied, some without a value. */
export const events = (opts: { nulls: boolean; late: boolean; maxLength?: number }): fc.Arbitrary<Event[]> =>
  fc.array(fc.record({
    dt: fc.integer({ min: opts.late ? -3000 : 0, max: 1500 }),
    k: fc.constantFrom('a', 'b', 'c'),
    v: opts.nulls ? fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -100, max: 100 }) }, { weight: 1, arbitrary: fc.constant(null) }) : fc.integer({ min: -100, max: 100 }),
  }), { minLength: 1, maxLength: opts.maxLength ?? 150 }).map((rows) => {
    let t = 1_000_000;
    return rows.map((r, i) => {
      t += Math.max(0, r.dt);
      // The file source infers v's type from the first row.
      return { ts: t + Math.min(0, r.dt), k: r.k, v: i === 0 && r.v === null ? 1 : r.v };
    });
  });

export const rollingFeatures: RollingFeature[] = [
  { name: 'mean', fn: 'mean' }, { name: 'sd', fn: 'stddev' }, { name: 'lo', fn: 'min' }, { name: 'hi', fn: 'max' },
  { name: 'med', fn: 'median' }, { name: 'p90', fn: 'quantile', q: 0.9 }, { name: 'p10', fn: 'quantile', q: 0.1 },
  { name: 'e', fn: 'ewma', alpha: 0.25 }, { name: 'e2', fn: 'ewma' }, { name: 'roc', fn: 'rateOfChange' }, { name: 'lag', fn: 'lag' }, { name: 'diff', fn: 'diff' },
];

export type Window = { readonly count: number } | { readonly duration: number };

export function sourceNode(rows: readonly Event[], boundMs = 5000): { id: string; kind: string; params: Record<string, unknown> } {
  return { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: `${boundMs}ms`, data: ndjsonData(rows) } };
}

export function rollingDoc(rows: readonly Event[], span: Window, features: readonly RollingFeature[] = rollingFeatures, keyed = true): PipelineDocument {
  const w = 'count' in span ? { count: span.count } : { duration: `${span.duration}ms` };
  return pipeline([
    sourceNode(rows),
    ...(keyed ? [{ id: 'key', kind: 'transform.keyBy', params: { fields: ['k'] } }] : []),
    { id: 'roll', kind: 'transform.rolling', params: { field: 'v', ...w, features } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** What transform.rolling should emit for `rows`, from first principles (see rollingWindow.ts for the definition). */
export function referenceRolling(rows: readonly Event[], span: Window, features: readonly RollingFeature[] = rollingFeatures, keyed = true): Record<string, unknown>[] {
  const seen = new Map<string, { t: number; v: number; at: number }[]>();
  const tmax = new Map<string, number>();
  const ewma = new Map<string, number[]>();
  const last = new Map<string, number>();
  return rows.map((row, at) => {
    const key = keyed ? row.k : '';
    const history = seen.get(key) ?? [];
    seen.set(key, history);
    const newest = Math.max(tmax.get(key) ?? -Infinity, row.ts);
    tmax.set(key, newest);
    const lag = last.get(key) ?? null;
    if (row.v !== null) {
      history.push({ t: row.ts, v: row.v, at });
      last.set(key, row.v);
      const alphas = features.filter((f) => f.fn === 'ewma').map((f) => f.alpha ?? 0.3);
      const prev = ewma.get(key);
      ewma.set(key, alphas.map((a, i) => (prev === undefined ? row.v! : a * row.v! + (1 - a) * prev[i]!)));
    }
    const inWindow = 'count' in span
      ? history.slice(Math.max(0, history.length - span.count))
      : history.filter((h) => h.t >= newest - span.duration).sort((x, y) => x.t - y.t || x.at - y.at);
    const values = inWindow.map((h) => h.v);
    const sorted = [...values].sort((x, y) => x - y);
    const n = values.length;
    const mean = n === 0 ? null : values.reduce((s, x) => s + x, 0) / n;
    const joined = row.v !== null && inWindow.some((h) => h.at === at);
    const out: Record<string, unknown> = { ts: row.ts, k: row.k, v: row.v };
    let e = 0;
    for (const f of features) {
      let r: number | null;
      switch (f.fn) {
        case 'mean': r = mean; break;
        case 'stddev': r = n < 2 ? null : Math.sqrt(values.reduce((s, x) => s + (x - mean!) ** 2, 0) / (n - 1)); break;
        case 'min': r = n === 0 ? null : sorted[0]!; break;
        case 'max': r = n === 0 ? null : sorted[n - 1]!; break;
        case 'median': r = quantile(sorted, 0.5); break;
        case 'quantile': r = quantile(sorted, f.q!); break;
        case 'ewma': r = ewma.get(key)?.[e] ?? null; e++; break;
        case 'rateOfChange': {
          const first = inWindow[0];
          r = !joined || first === undefined || first.t === row.ts ? null : ((row.v! - first.v) / (row.ts - first.t)) * 1000;
          break;
        }
        case 'lag': r = lag; break;
        case 'diff': r = row.v === null || lag === null ? null : row.v - lag; break;
      }
      out[f.name] = r;
    }
    return out;
  });
}

/** Whether two numbers (or nulls) agree to a relative 1e-9 (running sums and Welford's updates round differently from a fresh sum). */
export function close(a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The first field where two row lists differ beyond rounding, as text; null when they agree. */
export function firstDifference(actual: readonly Record<string, unknown>[], expected: readonly Record<string, unknown>[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!close(a[name] ?? null, b[name] ?? null)) return `row ${i} field ${name}: ${JSON.stringify(a[name])}, expected ${JSON.stringify(b[name])} (${JSON.stringify(b)})`;
    }
  }
  return null;
}
