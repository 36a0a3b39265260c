import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

const root = resolve(import.meta.dirname, '..');
// examples/nab-*.json are detector pipelines for `windowpane nab`, which feeds them NAB's corpus (cli/nab/).
const examples = readdirSync(resolve(root, 'examples')).filter((f) => f.endsWith('.json') && !f.startsWith('nab-'));
const nycTaxi = resolve(root, '../shared/data/nab/nyc_taxi.csv');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; io: ReturnType<typeof memoryIo> }> {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join(''), io };
}

describe('windowpane run', () => {
  it('runs every example and writes window results as NDJSON', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const file of examples) {
      const args = ['run', resolve(root, 'examples', file)];
      if (file === 'nyc-taxi-daily.json') args.push('--input', nycTaxi);
      // The NAB detector examples (what `windowpane nab` feeds every corpus file to) name one corpus file.
      if (file.startsWith('nab-')) args.push('--input', resolve(root, '../shared/data/nab/machine_temperature_system_failure.csv'));
      const { code, out, err } = await run(...args);
      expect(code, `${file}: ${err}`).toBe(0);
      const rows = ndjson(out);
      expect(rows.length, file).toBeGreaterThan(0);
      // A log sink on a late port lists the late events themselves, which are not window results.
      const doc = JSON.parse(await memoryIo().readText(resolve(root, 'examples', file))) as { nodes: { id: string; kind: string }[] };
      const logSinks = new Set(doc.nodes.filter((n) => n.kind === 'sink.log').map((n) => n.id));
      // Only window results carry a revision: a detector's collect sink gets the records themselves.
      if (!doc.nodes.some((n) => n.kind === 'aggregate')) continue;
      for (const row of rows) if (!logSinks.has(String(row['sink']))) expect(row, file).toHaveProperty('revision');
    }
  });

  it('gives each result its window bounds, keys and the aggregate names of the document', async () => {
    const { out } = await run('run', resolve(root, 'examples/sensor-averages.json'));
    const rows = ndjson(out);
    expect(Object.keys(rows[0]!)).toEqual(['window_start', 'window_end', 'device', 'readings', 'avg_temperature', 'min_temperature', 'max_temperature', 'revision']);
    for (const row of rows) expect((row['window_end'] as number) - (row['window_start'] as number)).toBe(60_000);
    expect(rows.reduce((n, r) => n + (r['readings'] as number), 0)).toBe(30_000);
  });

  it('feeds --input to the file source and totals the NAB taxi data per day', async () => {
    const { code, out } = await run('run', resolve(root, 'examples/nyc-taxi-daily.json'), '--input', nycTaxi);
    expect(code).toBe(0);
    const rows = ndjson(out);
    expect(rows.reduce((n, r) => n + (r['buckets'] as number), 0)).toBe(10_320);
    expect(rows[0]).toMatchObject({ window_start: Date.UTC(2014, 6, 1), window_end: Date.UTC(2014, 6, 2), buckets: 48 });
  });

  it('writes results to --out and late events to --late', async () => {
    const { code, io } = await run('run', resolve(root, 'examples/card-spend.json'), '--out', 'out.ndjson', '--late', 'late.ndjson', '--limit', '20000');
    expect(code).toBe(0);
    const rows = ndjson(io.files.get('out.ndjson')!);
    expect(rows.some((r) => (r['revision'] as number) > 0)).toBe(true);
    expect(ndjson(io.files.get('late.ndjson')!).length).toBeGreaterThan(0);
    // Every card that paid paid from one country at least (countDistinct once read 0 for all of them).
    for (const r of rows) expect(r['countries'] as number).toBeGreaterThanOrEqual(Math.min(1, r['payments'] as number));
    expect(rows.some((r) => (r['countries'] as number) > 1)).toBe(true);
  });

  it('shows late data on the late port of every example whose description mentions it', async () => {
    for (const file of examples) {
      const doc = JSON.parse(await memoryIo().readText(resolve(root, 'examples', file))) as { description?: string; edges: { fromPort?: string }[] };
      if (!/\blate\b/i.test(doc.description ?? '')) continue;
      expect(doc.edges.some((e) => e.fromPort === 'late'), `${file} wires a late port`).toBe(true);
      const { code, io } = await run('run', resolve(root, 'examples', file), '--out', 'out.ndjson', '--late', 'late.ndjson');
      expect(code).toBe(0);
      expect(ndjson(io.files.get('late.ndjson') ?? '').length, `${file}: late events`).toBeGreaterThan(0);
      expect(ndjson(io.files.get('out.ndjson')!).some((r) => (r['revision'] as number) > 0), `${file}: revisions`).toBe(true);
    }
  });

  it('caps sources with --limit', async () => {
    const { out } = await run('run', resolve(root, 'examples/sensor-averages.json'), '--limit', '600');
    expect(ndjson(out).reduce((n, r) => n + (r['readings'] as number), 0)).toBe(600);
  });

  it('refuses an unbounded sample source without --limit, as a usage error', async () => {
    const io = memoryIo();
    const doc = JSON.parse(await io.readText(resolve(root, 'examples/sensor-averages.json'))) as { nodes: { params: Record<string, unknown> }[] };
    delete doc.nodes[0]!.params['limit'];
    io.files.set('unbounded.json', JSON.stringify(doc));
    expect(await main(['run', 'unbounded.json'], io)).toBe(2);
    expect(io.err.join('')).toContain("source 'sensors' is unbounded");
    expect(await main(['run', 'unbounded.json', '--limit', '100'], io)).toBe(0);
  });

  it('reports a malformed pipeline file with its line and column, and exits 1', async () => {
    const io = memoryIo();
    io.files.set('broken.json', '{\n  "format": "windowpane.pipeline",\n  "version": 1\n  "name": "x"\n}');
    expect(await main(['run', 'broken.json'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/line 4, column 3/);
  });

  it('reports rows of the input that do not parse, with line numbers, and still runs', async () => {
    const io = memoryIo();
    io.files.set('in.csv', 'timestamp,value\n2014-07-01 00:00:00,5\nnot a time,7\n2014-07-01 00:30:00,6\n');
    const { code } = { code: await main(['run', resolve(root, 'examples/nyc-taxi-daily.json'), '--input', 'in.csv'], io) };
    expect(code).toBe(0);
    expect(io.err.join('')).toMatch(/warning: node 'taxi': line 3/);
    expect(ndjson(io.out.join(''))[0]).toMatchObject({ buckets: 2, total: 11 });
  });

  it('asks for --input when a file source has no data, and exits 1', async () => {
    const io = memoryIo();
    expect(await main(['run', resolve(root, 'examples/nyc-taxi-daily.json')], io)).toBe(1);
    expect(io.err.join('')).toContain("node 'taxi': has no data: give the file with --input FILE");
  });

  it('explains a compile problem such as an unknown field, and exits 1', async () => {
    const io = memoryIo();
    const doc = JSON.parse(await io.readText(resolve(root, 'examples/sensor-averages.json'))) as { nodes: { params: Record<string, unknown> }[] };
    doc.nodes[3]!.params['aggregations'] = [{ name: 'x', fn: 'avg', field: 'temprature' }];
    io.files.set('typo.json', JSON.stringify(doc));
    expect(await main(['run', 'typo.json'], io)).toBe(1);
    expect(io.err.join('')).toContain("unknown field 'temprature'");
  });
});

describe('names Object.prototype also has', () => {
  // A file source, a filter and a key on a column called __proto__; an aggregate called constructor.
  const csv = ['ts,__proto__,v', ...Array.from({ length: 20 }, (_, i) => `${1_700_000_000_000 + i * 1000},${i % 2 === 0 ? 'a' : 'b'},${i}`)].join('\n');
  const doc = (sourceId: string): string => JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'proto',
    nodes: [
      { id: sourceId, kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts' } },
      { id: 'f', kind: 'transform.filter', position: { x: 0, y: 0 }, params: { expr: '__proto__ == "a"' } },
      { id: 'k', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['__proto__'] } },
      { id: 'w', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '10s' } },
      { id: 'a', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'constructor', fn: 'count' }, { name: 'toString', fn: 'sum', field: 'v' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
    ],
    edges: [[sourceId, 'f'], ['f', 'k'], ['k', 'w'], ['w', 'a'], ['a', 'out']].map(([from, to], i) => ({ id: `e${i}`, from, to })),
  });

  it('filters, keys and names results by them as by any other name', async () => {
    const io = memoryIo();
    io.files.set('p.json', doc('__proto__'));
    io.files.set('in.csv', csv);
    expect(await main(['validate', 'p.json'], io)).toBe(0);
    expect(await main(['run', 'p.json', '--input', 'in.csv'], io)).toBe(0);
    const rows = ndjson(io.out.join('').split('\n').filter((l) => l.startsWith('{')).join('\n'));
    expect(rows.map((r) => JSON.stringify(r))).toEqual([
      '{"window_start":1700000000000,"window_end":1700000010000,"__proto__":"a","constructor":5,"toString":20,"revision":0}',
      '{"window_start":1700000010000,"window_end":1700000020000,"__proto__":"a","constructor":5,"toString":70,"revision":0}',
    ]);
  });
});

describe('windowpane validate', () => {
  it('says a valid document is valid', async () => {
    const { code, out } = await run('validate', resolve(root, 'examples/card-spend.json'));
    expect(code).toBe(0);
    expect(out).toContain('valid (6 nodes, 5 edges)');
  });

  it('prints every problem at once with its path', async () => {
    const io = memoryIo();
    io.files.set('bad.json', JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'bad',
      nodes: [
        { id: 's', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } },
        { id: 'w1', kind: 'window.tumbling', params: { size: '5 minutes' } },
        { id: 'f', kind: 'transform.filter', params: { expr: 'temperature >' } },
      ],
      edges: [{ id: 'e1', from: 's', to: 'w1' }, { id: 'e2', from: 'w1', to: 'nope' }],
    }));
    expect(await main(['validate', 'bad.json'], io)).toBe(1);
    const err = io.err.join('');
    expect(err).toContain("nodes[1].params.size: node 'w1': size must be a duration like 30s or 5m, got '5 minutes'");
    expect(err).toContain("edge 'e2': node 'nope' does not exist");
  });

  it('finds a bad expression once the shape is right', async () => {
    const io = memoryIo();
    io.files.set('expr.json', JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'expr',
      nodes: [
        { id: 's', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } },
        { id: 'f', kind: 'transform.filter', params: { expr: 'temperature > > 3' } },
        { id: 'out', kind: 'sink.collect' },
      ],
      edges: [{ id: 'e1', from: 's', to: 'f' }, { id: 'e2', from: 'f', to: 'out' }],
    }));
    expect(await main(['validate', 'expr.json'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/nodes\[1\]\.params\.expr: node 'f': expr: column \d+/);
  });
});

describe('windowpane usage', () => {
  it('exits 2 with the usage for a missing command, an unknown command or a bad option', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('launch', 'x.json')).code).toBe(2);
    expect((await run('run', 'x.json', '--limit', 'ten')).code).toBe(2);
    expect((await run('run', 'x.json', '--bogus')).code).toBe(2);
    expect((await run('validate', 'x.json', '--out', 'y')).code).toBe(2);
  });

  it('takes --format ndjson, csv or parquet for run only', async () => {
    const bad = await run('run', 'x.json', '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be ndjson, csv, parquet, got \'xml\'');
    const validate = await run('validate', 'x.json', '--format', 'csv');
    expect(validate.code).toBe(2);
    expect(validate.err).toContain('--format only applies to run');
    expect((await run('run', resolve(root, 'examples/sensor-averages.json'), '--format', 'ndjson')).code).toBe(0);
  });

  it('returns the documented exit codes from the real executable', () => {
    const bin = resolve(root, 'cli/bin.mjs');
    const exitCode = (args: string[]): number => {
      try {
        execFileSync(process.execPath, [bin, ...args], { stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(exitCode(['validate', resolve(root, 'examples/trade-range.json')])).toBe(0);
    expect(exitCode(['run', resolve(root, 'examples/does-not-exist.json')])).toBe(1);
    expect(exitCode(['frobnicate'])).toBe(2);
  });
});
