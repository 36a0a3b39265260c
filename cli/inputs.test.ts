/**
 * Issue 15: `windowpane run --input` reads files as streams: standard input,
 * several file sources by id, gzip, formats by extension, Parquet, bad rows
 * reported with their lines as they come; each gives the results of the
 * same document with the data inline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson, type MemoryIo } from './testIo';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'windowpane-inputs-'));

const T0 = 1_700_000_000_000;
interface Event { readonly ts: number; readonly key: string; readonly value: number }
const events = (n: number, seed: number): Event[] => Array.from({ length: n }, (_, i) => ({ ts: T0 + i * 7 + seed, key: `k${(i * (seed + 3)) % 13}`, value: (i * 31 + seed) % 97 }));
const csvOf = (rows: readonly Event[], delimiter = ','): string => [['ts', 'key', 'value'].join(delimiter), ...rows.map((r) => [r.ts, r.key, r.value].join(delimiter))].join('\n');

const A = events(5000, 0);
const B = events(3000, 5);

type SourceParams = Record<string, unknown>;

/** A keyed tumbling count/sum over one file source, or over two through a union. */
function documentText(sources: Record<string, SourceParams>): string {
  const ids = Object.keys(sources);
  const nodes: unknown[] = ids.map((id) => ({ id, kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis', ...sources[id] } }));
  const edges: [string, string][] = [];
  let into = ids[0]!;
  if (ids.length > 1) {
    nodes.push({ id: 'both', kind: 'transform.union' });
    for (const id of ids) edges.push([id, 'both']);
    into = 'both';
  }
  nodes.push(
    { id: 'byKey', kind: 'transform.keyBy', params: { fields: ['key'] } },
    { id: 'second', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'value' }] } },
    { id: 'out', kind: 'sink.collect' },
  );
  edges.push([into, 'byKey'], ['byKey', 'second'], ['second', 'agg'], ['agg', 'out']);
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'inputs', nodes, edges: edges.map(([from, to], i) => ({ id: `e${i}`, from, to })) });
}

async function cli(io: MemoryIo, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  io.out.length = 0;
  io.err.length = 0;
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** The results of the document with the data inline (parsed whole, as before streaming). */
async function inlineRun(sources: Record<string, SourceParams>): Promise<string> {
  const io = memoryIo();
  io.files.set('inline.json', documentText(sources));
  const ran = await cli(io, 'run', 'inline.json');
  expect(ran.code, ran.err).toBe(0);
  expect(ndjson(ran.out).length).toBeGreaterThan(100);
  return ran.out;
}

const oneSource = documentText({ src: { format: 'auto' } });
const twoSources = documentText({ a: { format: 'auto' }, b: { format: 'auto' } });

describe('windowpane run --input', () => {
  it('reads standard input with --input -, with the results of the data inline', async () => {
    const inline = await inlineRun({ src: { format: 'csv', data: csvOf(A) } });
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    io.stdinText = csvOf(A);
    const ran = await cli(io, 'run', 'p.json', '--input', '-');
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toBe(inline);
    expect(ran.err).toBe(`${ndjson(inline).length} result rows\n`);
  });

  it('feeds several file sources by id, with the results of their data inline', async () => {
    const inline = await inlineRun({ a: { format: 'csv', data: csvOf(A) }, b: { format: 'csv', data: csvOf(B) } });
    const io = memoryIo();
    io.files.set('p.json', twoSources);
    io.files.set('a.csv', csvOf(A));
    io.files.set('b.csv', csvOf(B));
    const ran = await cli(io, 'run', 'p.json', '--input', 'b=b.csv', '--input', 'a=a.csv');
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toBe(inline);
    // One from standard input, one from a file.
    io.stdinText = csvOf(B);
    expect((await cli(io, 'run', 'p.json', '--input', 'a=a.csv', '--input', 'b=-')).out).toBe(inline);
  });

  it('says what is wrong with the inputs, naming the file sources, as usage errors', async () => {
    const io = memoryIo();
    io.files.set('p.json', twoSources);
    io.files.set('one.json', oneSource);
    io.files.set('x.csv', csvOf(A));
    const cases: [string[], string][] = [
      [['p.json', '--input', 'c=x.csv', '--input', 'a=x.csv'], "--input c=x.csv: there is no such node; the file sources are 'a', 'b'"],
      [['p.json', '--input', 'byKey=x.csv'], "--input byKey=x.csv: node 'byKey' is a transform.keyBy, not a file source; the file sources are 'a', 'b'"],
      [['p.json', '--input', 'a=x.csv', '--input', 'a=x.csv'], '--input a=... is given twice: each file source takes one file'],
      [['p.json', '--input', 'a=x.csv'], "file source 'b' has no data: give --input b=FILE"],
      [['p.json', '--input', 'x.csv'], '--input x.csv: the pipeline has 2 file sources (a, b); --input FILE feeds exactly one, give each as --input SOURCE_ID=FILE'],
      [['p.json', '--input', 'a=x.csv', '--input', 'x.csv'], '--input x.csv: with several inputs give each one\'s file source as --input SOURCE_ID=FILE'],
      [['p.json', '--input', 'a=-', '--input', 'b=-'], 'only one --input may be - (standard input)'],
      [['one.json', '--input', 'other=x.csv'], "--input other=x.csv: there is no such node; the file sources are 'src'"],
    ];
    for (const [args, message] of cases) {
      const ran = await cli(io, 'run', ...args);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.err, args.join(' ')).toContain(message);
      expect(ran.out).toBe('');
    }
    // The id of a pipeline's only file source may be given too.
    expect((await cli(io, 'run', 'one.json', '--input', 'src=x.csv')).code).toBe(0);
  });

  it('reads gzip, by the .gz extension and by its first bytes', async () => {
    const inline = await inlineRun({ src: { format: 'csv', data: csvOf(A) } });
    writeFileSync(join(dir, 'a.csv.gz'), gzipSync(csvOf(A)));
    writeFileSync(join(dir, 'a-gzipped'), gzipSync(csvOf(A)));
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    for (const name of ['a.csv.gz', 'a-gzipped']) {
      const ran = await cli(io, 'run', 'p.json', '--input', join(dir, name));
      expect(ran.code, ran.err).toBe(0);
      expect(ran.out, name).toBe(inline);
    }
  });

  it('reads a TSV by its extension', async () => {
    const inline = await inlineRun({ src: { format: 'csv', data: csvOf(A) } });
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    io.files.set('events.tsv', csvOf(A, '\t'));
    const ran = await cli(io, 'run', 'p.json', '--input', 'events.tsv');
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toBe(inline);
  });

  it('reads a Parquet file', async () => {
    const inline = await inlineRun({ src: { format: 'csv', data: csvOf(A) } });
    const path = join(dir, 'events.parquet');
    writeFileSync(path, new Uint8Array(parquetWriteBuffer({
      columnData: [
        { name: 'ts', data: A.map((e) => e.ts), type: 'DOUBLE' },
        { name: 'key', data: A.map((e) => e.key), type: 'STRING' },
        { name: 'value', data: A.map((e) => e.value), type: 'DOUBLE' },
      ],
      rowGroupSize: 1000,
    })));
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    const ran = await cli(io, 'run', 'p.json', '--input', path);
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toBe(inline);
  });

  it('warns of each bad row with its line as it is read, runs on, and exits 0', async () => {
    const lines = csvOf(A).split('\n');
    lines[3] = `not a time,k1,5`;
    lines[4000] = `${T0 + 4000 * 7},k2,not a number`;
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    io.files.set('bad.csv', lines.join('\n'));
    const ran = await cli(io, 'run', 'p.json', '--input', 'bad.csv');
    expect(ran.code, ran.err).toBe(0);
    expect(ran.err).toMatch(/^warning: node 'src': line 4: .*\n/m);
    expect(ran.err).toMatch(/^warning: node 'src': line 4001: .*\n/m);
    const rows = ndjson(ran.out);
    expect(rows.reduce((n, r) => n + (r['n'] as number), 0)).toBe(A.length - 2);
  });

  it('names the file and the node when the file cannot be read as the source says, and exits 1', async () => {
    const io = memoryIo();
    io.files.set('p.json', oneSource);
    io.files.set('other.csv', 'time,key\n1,a\n');
    const ran = await cli(io, 'run', 'p.json', '--input', 'other.csv');
    expect(ran.code).toBe(1);
    expect(ran.err).toMatch(/^other\.csv: node 'src': .*ts/m);
    const missing = await cli(io, 'run', 'p.json', '--input', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`${join(dir, 'nope.csv')}: cannot read the input file: ENOENT`);
  });

  it('asks for the file of a source that refers to a file stored in the app', async () => {
    const io = memoryIo();
    io.files.set('stored.json', documentText({ src: { format: 'csv', fileName: 'trips.csv', stored: { hash: `sha256:${'a'.repeat(64)}`, size: 129_000_000 } } }));
    const ran = await cli(io, 'run', 'stored.json');
    expect(ran.code).toBe(2);
    expect(ran.err).toContain("node 'src' refers to a file stored in the app (trips.csv, 123 MB): give it with --input src=FILE");
    // validate checks the document without the data
    expect((await cli(io, 'validate', 'stored.json')).code).toBe(0);
  });

  it('reads standard input through the real executable', () => {
    const path = join(dir, 'p.json');
    writeFileSync(path, oneSource);
    const ran = spawnSync(process.execPath, [join(root, 'cli', 'bin.mjs'), 'run', path, '--input', '-'], { input: gzipSync(csvOf(A)), encoding: 'utf8' });
    expect(ran.status, ran.stderr).toBe(0);
    const rows = ndjson(ran.stdout);
    expect(rows.reduce((n, r) => n + (r['n'] as number), 0)).toBe(A.length);
    expect(ran.stderr).toBe(`${rows.length} result rows\n`);
  });
});
