import { describe, expect, it } from 'vitest';
import { columnOf, readCell, type RowBlock } from '../../batch';
import { detectFileFormat, parseFileSource, type FileParseResult, type FileSourceOptions } from './index';

const OPTIONS: FileSourceOptions = { format: 'auto', eventTime: 'ts', timeFormat: 'auto' };

function parsed(text: string, options: Partial<FileSourceOptions> = {}): Extract<FileParseResult, { ok: true }> {
  const result = parseFileSource(text, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function records(block: RowBlock): Record<string, unknown>[] {
  return Array.from({ length: block.length }, (_, r) =>
    Object.fromEntries(Object.entries(block.columns).map(([name, c]) => [name, readCell(c, r)])),
  );
}

describe('parseFileSource', () => {
  it('detects the format from the first character', () => {
    expect(detectFileFormat('  [{"a":1}]')).toBe('json');
    expect(detectFileFormat('\n{"a":1}')).toBe('ndjson');
    expect(detectFileFormat('a,b\n1,2')).toBe('csv');
  });

  it('reads CSV with a header, quoted fields, CRLF and a custom delimiter', () => {
    const result = parsed('ts,name,note\r\n1000,"Smith, J","said ""hi""\r\non two lines"\r\n2000,Lee,\r\n');
    expect(records(result.block)).toEqual([
      { ts: 1_000_000, name: 'Smith, J', note: 'said "hi"\r\non two lines' },
      { ts: 2_000_000, name: 'Lee', note: null },
    ]);
    expect(records(parsed('ts;v\n5;1,5\n', { delimiter: ';' }).block)).toEqual([{ ts: 5000, v: '1,5' }]);
  });

  it('reads NDJSON, skipping blank lines and flattening nested objects', () => {
    const text = '{"ts": 1, "payload": {"amount": 5, "tags": ["a"]}}\n\n{"ts": 2, "payload": {"amount": 7.5}, "extra": true}\n';
    const result = parsed(text);
    expect(result.fields).toEqual([
      { name: 'ts', type: 'time' },
      { name: 'payload.amount', type: 'number' },
      { name: 'payload.tags', type: 'string' },
      { name: 'extra', type: 'boolean' },
    ]);
    expect(records(result.block)).toEqual([
      { ts: 1000, 'payload.amount': 5, 'payload.tags': '["a"]', extra: false },
      { ts: 2000, 'payload.amount': 7.5, 'payload.tags': null, extra: true },
    ]);
  });

  it('reads a JSON array of objects and accepts a dotted event-time name', () => {
    const text = '[\n  {"meta": {"time": "2024-01-01T00:00:00Z"}, "v": "x"},\n  {"meta": {"time": "2024-01-01T00:00:01Z"}, "v": "y"}\n]';
    const result = parsed(text, { eventTime: 'meta.time', format: 'json' });
    expect(Array.from(result.block.time)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 0, 1)]);
    expect(result.fields).toContainEqual({ name: 'meta.time', type: 'time' });
  });

  it('infers number, boolean and string columns', () => {
    const text = 'ts,n,b,s,mixed,empty\n1,1.5,true,a,1,\n2,-2e3,FALSE,7,yes,\n3,,true,b,2,\n';
    const { fields, block } = parsed(text);
    expect(fields.map((f) => f.type)).toEqual(['time', 'number', 'boolean', 'string', 'string', 'string']);
    expect(records(block)[2]).toEqual({ ts: 3000, n: null, b: true, s: 'b', mixed: '2', empty: null });
    expect(parsed('ts,hex,inf\n1,0x10,Infinity\n').fields.map((f) => f.type)).toEqual(['time', 'string', 'string']);
  });

  it('keeps file order, whatever the event times', () => {
    expect(Array.from(parsed('ts\n3\n1\n2\n').block.time)).toEqual([3000, 1000, 2000]);
  });

  it('skips bad rows with their line numbers and goes on', () => {
    const csv = parsed('ts,v\n1,a\n2\n3,c,extra\n,d\nnope,e\n6,f\n');
    expect(csv.block.length).toBe(2);
    expect(csv.badRowCount).toBe(4);
    expect(csv.rowErrors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(csv.rowErrors[0]?.message).toMatch(/expected 2 fields, found 1/);
    expect(csv.rowErrors[2]?.message).toMatch(/"ts" is missing/);

    const nd = parsed('{"ts":1}\n{broken\n\n[1]\n{"v":2}\n{"ts":5}\n');
    expect(nd.block.length).toBe(2);
    expect(nd.rowErrors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [2, 'invalid JSON'],
      [4, 'expected a JSON object, found an array'],
      [5, 'event time "ts" is missing'],
    ]);

    const json = parsed('[\n{"ts":1},\n{"ts":},\n"x",\n{"ts":4}\n]');
    expect(json.block.length).toBe(2);
    expect(json.rowErrors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('counts every bad row but details only the first 100', () => {
    const text = 'ts\n' + Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? 'bad' : String(i))).join('\n');
    const result = parsed(text, { timeFormat: 'epochMillis' });
    expect(result.badRowCount).toBe(125);
    expect(result.rowErrors).toHaveLength(100);
    expect(result.rowErrors[0]?.line).toBe(2);
  });

  it('fails clearly on an empty file, a missing event-time field or no readable rows', () => {
    const fails = (text: string, options: Partial<FileSourceOptions> = {}): string => {
      const result = parseFileSource(text, { ...OPTIONS, ...options });
      return result.ok ? 'ok' : result.message;
    };
    expect(fails('  \n')).toMatch(/empty/);
    expect(fails('a,b\n1,2\n')).toBe('Event-time field "ts" not found. The file has the fields: a, b.');
    expect(fails('{"time": 1}\n')).toMatch(/"ts" not found.*time/);
    expect(fails('ts,v\n')).toMatch(/no data rows/);
    expect(fails('[]')).toMatch(/no data rows/);
    expect(fails('{oops\n')).toMatch(/No row could be read.*line 1/);
    expect(fails('ts\nx\n', { timeFormat: 'epochMillis' })).toMatch(/No row has a readable event time.*line 2/);
    expect(fails('ts\n1\n', { delimiter: '"' })).toMatch(/delimiter/);
    expect(fails('{"ts":1}', { format: 'json' })).toMatch(/JSON array/);
  });

  it('keeps columns whose names Object.prototype also has, and has no column it does not read', () => {
    for (const text of ['ts,__proto__,constructor,toString\n1,a,2,x\n2,b,3,y\n', '{"ts":1,"__proto__":"a","constructor":2,"toString":"x"}\n{"ts":2,"__proto__":"b","constructor":3,"toString":"y"}']) {
      const { block, fields } = parsed(text);
      expect(fields.map((f) => f.name)).toEqual(['ts', '__proto__', 'constructor', 'toString']);
      expect(Object.keys(block.columns)).toEqual(['ts', '__proto__', 'constructor', 'toString']);
      expect(Object.getPrototypeOf(block.columns)).toBeNull();
      expect(readCell(columnOf(block.columns, '__proto__')!, 1)).toBe('b');
      expect(readCell(columnOf(block.columns, 'constructor')!, 0)).toBe(2);
      expect(columnOf(block.columns, 'hasOwnProperty')).toBeUndefined();
      expect(columnOf(block.columns, 'valueOf')).toBeUndefined();
    }
  });
});
