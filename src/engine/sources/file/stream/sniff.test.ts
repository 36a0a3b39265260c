/** sniffFile on text files: format by name or first byte, the head's layout, and files longer than the head. */
import { describe, expect, it } from 'vitest';
import { createRowParser, HEAD_BYTES, sniffFile, type FileBytes, type FileLayout, type SniffOptions } from './index';
import { recordsOf } from './testing';

const OPTIONS: SniffOptions = { format: 'auto', eventTime: 'ts', timeFormat: 'auto' };

/** The text as a file read in chunks of `chunk` bytes. */
function fileOf(name: string, text: string, chunk = 7): FileBytes {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    async *read(offset: number) {
      for (let at = offset; at < bytes.length; at += chunk) yield bytes.slice(at, Math.min(bytes.length, at + chunk));
    },
  };
}

async function layoutOf(name: string, text: string, options: Partial<SniffOptions> = {}): Promise<FileLayout> {
  const result = await sniffFile(fileOf(name, text), { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.message);
  return result.layout;
}

async function readAll(file: FileBytes, layout: FileLayout): Promise<ReturnType<typeof createRowParser>> {
  const parser = createRowParser(layout, {}, layout.dataStart);
  for await (const chunk of file.read(layout.dataStart.offset)) parser.push(chunk);
  parser.end();
  return parser;
}

describe('sniffFile for text', () => {
  it('decides the format by the name, then by the first character', async () => {
    expect(await layoutOf('a.tsv', 'ts\tv\n1\t2\n')).toMatchObject({ format: 'csv', delimiter: '\t' });
    expect(await layoutOf('a.csv.gz', 'ts;v\n1;x\n', { delimiter: ';' })).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(await layoutOf('a.jsonl', '{"ts":1}\n')).toMatchObject({ format: 'ndjson', delimiter: ',' });
    expect(await layoutOf('a.json', '{"ts":1}\n{"ts":2}\n')).toMatchObject({ format: 'ndjson' });
    expect(await layoutOf('-', '\n [{"ts":1}]')).toMatchObject({ format: 'json', dataStart: { offset: 3, line: 2 } });
    expect(await layoutOf('data.csv', 'ts\tv,w\n1\t2,3\n', { format: 'tsv' })).toMatchObject({ format: 'csv', delimiter: '\t', fields: [{ name: 'ts', type: 'time' }, { name: 'v,w', type: 'string' }] });
  });

  it('gives the fields, types, time format and where the data starts (after a BOM and the header)', async () => {
    const layout = await layoutOf('a.csv', '\uFEFFts,"n",b,s\r\n"1.5",2,true,x\r\n2,,FALSE,7\r\n');
    expect(layout).toEqual({
      format: 'csv',
      delimiter: ',',
      fields: [{ name: 'ts', type: 'time' }, { name: 'n', type: 'number' }, { name: 'b', type: 'boolean' }, { name: 's', type: 'string' }],
      eventTime: 'ts',
      timeFormat: 'epochSeconds',
      dataStart: { offset: 3 + 12, line: 2 },
    });
  });

  it('fails as parseFileSource does: empty, no such field, no rows, no readable row', async () => {
    const message = async (text: string, options: Partial<SniffOptions> = {}): Promise<string> => {
      const result = await sniffFile(fileOf('f', text), { ...OPTIONS, ...options });
      return result.ok ? 'ok' : result.message;
    };
    expect(await message(' \n')).toBe('The file is empty.');
    expect(await message('a,b\n1,2\n')).toBe('Event-time field "ts" not found. The file has the fields: a, b.');
    expect(await message('ts,v\n')).toBe('The file has no data rows.');
    expect(await message('{oops\n')).toMatch(/^No row could be read: 1 bad rows \(line 1: invalid JSON/);
    expect(await message('ts\nx\n', { timeFormat: 'epochMillis' })).toMatch(/^No row has a readable event time in "ts" \(line 2: /);
    expect(await message('{"ts":1}', { format: 'json' })).toMatch(/JSON array/);
    expect(await message('ts\n1\n', { delimiter: '' })).toMatch(/delimiter/);
  });
});

describe('a file longer than the head', () => {
  // Rows of 25 bytes: "1600000000000,123456,k12\n" and so on, past HEAD_BYTES.
  const rows = Math.ceil(HEAD_BYTES / 20) + 100;
  const lines = Array.from({ length: rows }, (_, i) => `${1_600_000_000_000 + i},${i},k${i % 100}`);
  const badAt = rows - 50; // index into lines: file line badAt + 2
  lines[badAt] = `${1_600_000_000_000 + badAt},abc,k1`;
  const text = `ts,v,k\n${lines.join('\n')}\n`;

  it('infers from the head and makes a later value of another type a bad row with its line', async () => {
    const file = fileOf('big.csv', text, 65_536);
    const sniffed = await sniffFile(file, OPTIONS);
    if (!sniffed.ok) throw new Error(sniffed.message);
    expect(sniffed.layout.fields).toEqual([{ name: 'ts', type: 'time' }, { name: 'v', type: 'number' }, { name: 'k', type: 'string' }]);
    const parser = await readAll(file, sniffed.layout);
    expect(parser.errors).toEqual({ first: [{ line: badAt + 2, message: `field 'v': expected a number, got "abc"` }], count: 1 });
    const block = parser.take(Infinity);
    expect(block.length).toBe(rows - 1);
    expect(recordsOf(block).at(-1)).toEqual({ ts: 1_600_000_000_000 + rows - 1, v: rows - 1, k: `k${(rows - 1) % 100}` });
  });

  it('reads only the fields the head has in NDJSON; a field first seen later is not read', async () => {
    const nd = Array.from({ length: rows }, (_, i) => JSON.stringify(i === rows - 1 ? { ts: i, v: 1, late: 'x' } : { ts: i, v: i }));
    const file = fileOf('big.ndjson', `${nd.join('\n')}\n`, 65_536);
    const sniffed = await sniffFile(file, { ...OPTIONS, timeFormat: 'epochMillis', timeRange: { min: 0, end: 1e15, earliestYear: 1970, latestYear: 33658 } });
    if (!sniffed.ok) throw new Error(sniffed.message);
    expect(sniffed.layout.fields.map((f) => f.name)).toEqual(['ts', 'v']);
    const parser = createRowParser(sniffed.layout, { timeRange: { min: 0, end: 1e15, earliestYear: 1970, latestYear: 33658 } }, sniffed.layout.dataStart);
    for await (const chunk of file.read(0)) parser.push(chunk);
    parser.end();
    expect(parser.errors.count).toBe(0);
    expect(recordsOf(parser.take(Infinity)).at(-1)).toEqual({ ts: rows - 1, v: 1 });
  });
});
