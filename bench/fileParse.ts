/**
 * `npm run bench:parse`: the CSV parsers compared on a generated 50 MB file
 * (ts,key,value: 1,000 keys), each from bytes to typed columns (Float64Array
 * times and values, Int32Array codes into a key dictionary), as a file
 * source needs them:
 * - ours: sniffFile's layout, then createRowParser fed 64 KiB chunks and
 *   taken in blocks of 65,536 rows (src/engine/sources/file/stream);
 * - udsv: text decoded in the same chunks (TextDecoder, streaming), its
 *   incremental parser's typed rows written into typed arrays as they come,
 *   keys interned (udsv yields strings and numbers, not codes);
 * - papaparse: the decoded text parsed whole (its fastest mode), rows into typed arrays.
 * Best of --runs runs each after a warm-up (--mb sets the size, --only ours skips the others). Run it pinned to one core: `taskset -c 1 npm run bench:parse`.
 */
import Papa from 'papaparse';
import { parseArgs } from 'node:util';
import { inferSchema, initParser } from 'udsv';
import { createStringDict, internString } from '../src/engine/batch';
import { createRowParser, type FileLayout } from '../src/engine/sources/file/stream';
import { sniffHead } from '../src/engine/sources/file/stream/sniff';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' }, only: { type: 'string', default: '' } } });
const TARGET_BYTES = Number(args.mb) * 1024 * 1024;
const RUNS = Number(args.runs);
const CHUNK = 64 * 1024;
const TAKE = 65_536;

function generate(): { bytes: Uint8Array; rows: number } {
  const lines: string[] = ['ts,key,value'];
  let size = 13;
  let rows = 0;
  let seed = 12345;
  const t0 = 1_700_000_000_000;
  while (size < TARGET_BYTES) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const line = `${t0 + rows * 2},key_${seed % 1000},${((seed >>> 10) % 100000) / 100}`;
    lines.push(line);
    size += line.length + 1;
    rows++;
  }
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), rows };
}

interface Columns {
  rows: number;
  checksum: number;
}

function ours(bytes: Uint8Array): Columns {
  const sniffed = sniffHead(bytes.subarray(0, 1 << 20), false, 'bench.csv', { format: 'auto', eventTime: 'ts', timeFormat: 'epochMillis' });
  if (!sniffed.ok) throw new Error(sniffed.message);
  const layout: FileLayout = sniffed.layout;
  const parser = createRowParser(layout, {}, layout.dataStart);
  let rows = 0;
  let checksum = 0;
  const drain = (): void => {
    while (parser.buffered >= TAKE || (parser.ended && parser.buffered > 0)) {
      const block = parser.take(TAKE);
      rows += block.length;
      checksum += block.time[block.length - 1]!;
    }
  };
  for (let at = layout.dataStart.offset; at < bytes.length; at += CHUNK) {
    parser.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
    drain();
  }
  parser.end();
  drain();
  return { rows, checksum };
}

function udsv(bytes: Uint8Array, capacity: number): Columns {
  const decoder = new TextDecoder();
  const head = decoder.decode(bytes.subarray(0, 4096));
  const schema = inferSchema(head.slice(0, head.lastIndexOf('\n') + 1), { col: ',', row: '\n' });
  const parser = initParser(schema);
  const dict = createStringDict();
  const time = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  const codes = new Int32Array(capacity);
  let rows = 0;
  // udsv's typed rows ([ts, key, value]) written straight into the columns, keys interned.
  const onRow = (row: [number, string, number]): boolean => {
    time[rows] = row[0];
    codes[rows] = internString(dict, row[1]);
    values[rows] = row[2];
    rows++;
    return true;
  };
  const stream = new TextDecoder();
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const text = stream.decode(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), { stream: true });
    parser.chunk(text, parser.typedArrs as never, onRow as never);
  }
  parser.end();
  return { rows, checksum: time[rows - 1]! };
}

function papaparse(bytes: Uint8Array): Columns {
  const text = new TextDecoder().decode(bytes);
  const result = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const data = result.data;
  const n = data.length - 1;
  const time = new Float64Array(n);
  const values = new Float64Array(n);
  const codes = new Int32Array(n);
  const dict = createStringDict();
  for (let i = 0; i < n; i++) {
    const row = data[i + 1]!;
    time[i] = Number(row[0]);
    codes[i] = internString(dict, row[1]!);
    values[i] = Number(row[2]);
  }
  return { rows: n, checksum: time[n - 1]! };
}

function best(name: string, run: () => Columns, mb: number, expectRows: number): number {
  run();
  let seconds = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const out = run();
    seconds = Math.min(seconds, (performance.now() - t) / 1000);
    if (out.rows !== expectRows) throw new Error(`${name}: ${out.rows} rows, expected ${expectRows}`);
  }
  const rate = expectRows / seconds;
  console.log(`${name.padEnd(10)} ${seconds.toFixed(3).padStart(7)} s  ${(mb / seconds).toFixed(0).padStart(5)} MB/s  ${(rate / 1e6).toFixed(2).padStart(6)} M rows/s`);
  return rate;
}

const { bytes, rows } = generate();
const mb = bytes.length / (1024 * 1024);
console.log(`CSV ts,key,value: ${mb.toFixed(1)} MB, ${rows.toLocaleString('en')} rows, 1,000 keys; best of ${RUNS} runs`);
const oursRate = best('ours', () => ours(bytes), mb, rows);
if (args.only !== 'ours') {
  const udsvRate = best('udsv', () => udsv(bytes, rows), mb, rows);
  const papaRate = best('papaparse', () => papaparse(bytes), mb, rows);
  console.log(`ours / udsv: ${(oursRate / udsvRate).toFixed(2)}x, ours / papaparse: ${(oursRate / papaRate).toFixed(2)}x`);
}
