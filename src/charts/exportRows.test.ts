import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toNdjson } from './exportRows';
import { TableBuffer } from './tableBuffer';
import { chunkOf } from './testing';

describe('csvField', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
  });
});

describe('table downloads', () => {
  const table = new TableBuffer(10, ['user']);
  table.ingest(chunkOf([{ user: 'a,b', n: 1 }, { user: 'q"', n: null }]));

  it('writes CSV oldest first with a header and CRLF line ends', () => {
    expect(toCsv(table.columns, table.oldestFirst())).toBe('user,n\r\n"a,b",1\r\n"q""",\r\n');
  });

  it('writes NDJSON shaped as the CLI writes results', () => {
    expect(toNdjson(table.columns, table.oldestFirst())).toBe('{"user":"a,b","n":1}\n{"user":"q\\"","n":null}\n');
  });

  it('keeps columns named like Object.prototype members, "__proto__" included', () => {
    const hostile = new TableBuffer(10, []);
    hostile.ingest(chunkOf(JSON.parse('[{"__proto__":"x","constructor":1,"toString":"y"}]') as Record<string, string | number>[]));
    expect(JSON.parse(toNdjson(hostile.columns, hostile.oldestFirst()))).toEqual(JSON.parse('{"__proto__":"x","constructor":1,"toString":"y"}'));
  });
});
