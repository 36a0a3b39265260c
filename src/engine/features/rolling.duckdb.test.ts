import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../run/runPipeline';
import { withDuckDb } from '../testing/duckdb';
import { close, rollingDoc, type Event, type Window } from './featureStreams';
import type { RollingFeature } from '../../model';

/** Read in place from the shared data folder, never copied. NAB timestamps have no zone: read as UTC. */
const NAB = path.resolve(import.meta.dirname, '../../../../shared/data/nab');

function nabEvents(file: string): Event[] {
  const lines = readFileSync(path.join(NAB, file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [timestamp, value] = line.split(',');
    return { ts: Date.parse(`${timestamp!.replace(' ', 'T')}Z`), k: 'nab', v: Number(value) };
  });
}

/** Strictly rising times (a RANGE frame's CURRENT ROW takes in ties), values with a slow drift and spikes. */
function risingEvents(n: number): Event[] {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let t = 1_700_000_000_000;
  return Array.from({ length: n }, (_, i) => {
    t += 1 + Math.floor(random() * 4000);
    return { ts: t, k: 'x', v: Math.round((50 + 10 * Math.sin(i / 50) + (random() < 0.02 ? 40 : random() * 5)) * 1000) / 1000 };
  });
}

const features: RollingFeature[] = [
  { name: 'mean', fn: 'mean' }, { name: 'sd', fn: 'stddev' }, { name: 'lo', fn: 'min' }, { name: 'hi', fn: 'max' },
  { name: 'med', fn: 'median' }, { name: 'p90', fn: 'quantile', q: 0.9 }, { name: 'lag', fn: 'lag' }, { name: 'diff', fn: 'diff' },
];

async function compare(rows: Event[], window: Window, frame: string): Promise<void> {
  const r = runPipeline(rollingDoc(rows, window, features, false), { batchSize: 1000 });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const ours = r.results.get('out')!;
  const theirs = await withDuckDb(async (db) => {
    await db.load('e', [
      { name: 'i', type: 'BIGINT', values: rows.map((_, i) => i) },
      { name: 't', type: 'BIGINT', values: rows.map((e) => e.ts) },
      { name: 'v', type: 'DOUBLE', values: rows.map((e) => e.v) },
    ]);
    return db.query(`
      SELECT avg(v) OVER w AS mean, stddev_samp(v) OVER w AS sd, min(v) OVER w AS lo, max(v) OVER w AS hi,
             quantile_cont(v, 0.5) OVER w AS med, quantile_cont(v, 0.9) OVER w AS p90,
             lag(v) OVER (ORDER BY i) AS lag, v - lag(v) OVER (ORDER BY i) AS diff
      FROM e WINDOW w AS (${frame}) ORDER BY i`);
  });
  expect(ours.length).toBe(theirs.length);
  let checked = 0;
  ours.forEach((row, i) => {
    for (const f of features) {
      const a = row[f.name] ?? null;
      const b = theirs[i]![f.name] ?? null;
      if (!close(a, b)) throw new Error(`row ${i} ${f.name}: ours ${String(a)}, DuckDB ${String(b)}`);
      checked++;
    }
  });
  expect(checked).toBe(rows.length * features.length);
}

describe('transform.rolling against DuckDB window functions', () => {
  it('a count window is ROWS BETWEEN n - 1 PRECEDING AND CURRENT ROW, over NAB machine temperatures', async () => {
    await compare(nabEvents('machine_temperature_system_failure.csv'), { count: 12 }, 'ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW');
  });

  it('a duration window is RANGE BETWEEN d PRECEDING AND CURRENT ROW on in-order input', async () => {
    await compare(risingEvents(5000), { duration: 60_000 }, 'ORDER BY t RANGE BETWEEN 60000 PRECEDING AND CURRENT ROW');
  });
});
