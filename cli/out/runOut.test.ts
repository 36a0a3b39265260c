import { resolve } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo, ndjson } from '../testIo';

const sensors = resolve(import.meta.dirname, '../../examples/sensor-averages.json');

/** The results of `windowpane run` on the sensor example, written to `out`. */
async function runTo(out: string, ...extra: string[]): Promise<ReturnType<typeof memoryIo>> {
  const io = memoryIo();
  expect(await main(['run', sensors, '--out', out, ...extra], io)).toBe(0);
  return io;
}

describe('windowpane run --out', () => {
  it('writes the same results as CSV, by the extension or by --format, as it writes as NDJSON', async () => {
    const rows = ndjson((await runTo('r.ndjson')).files.get('r.ndjson')!);
    const csv = (await runTo('r.csv')).files.get('r.csv')!;
    expect((await runTo('r.txt', '--format', 'csv')).files.get('r.txt')).toBe(csv);
    const [header, ...lines] = csv.trimEnd().split('\n');
    const names = header!.split(',');
    expect(names).toEqual(Object.keys(rows[0]!));
    expect(lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], /^[\d.-]/.test(cell) ? Number(cell) : cell])))).toEqual(rows);
  });

  it('writes the same results as Parquet, times as timestamps', async () => {
    const rows = ndjson((await runTo('r.ndjson')).files.get('r.ndjson')!);
    const bytes = (await runTo('r.parquet')).bytes.get('r.parquet')!;
    const back = await parquetReadObjects({ file: new Uint8Array(bytes).buffer });
    expect(back.map((r) => ({ ...r, window_start: (r.window_start as Date).getTime(), window_end: (r.window_end as Date).getTime() }))).toEqual(rows);
  });

  it('refuses Parquet to standard output as a usage error', async () => {
    const io = memoryIo();
    expect(await main(['run', sensors, '--format', 'parquet'], io)).toBe(2);
    expect(io.err.join('')).toContain('Parquet cannot go to standard output');
  });
});
