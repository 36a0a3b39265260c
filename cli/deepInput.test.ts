/** Issue 12, finding 6: deep nesting in input rows and expressions is a reported problem, never a crash. */
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson, type MemoryIo } from './testIo';

function document(nodes: readonly { id: string; kind: string; params?: Record<string, unknown> }[]): string {
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'deep',
    nodes: nodes.map((n) => ({ params: {}, ...n })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: nodes[i]!.id, to: n.id })),
  });
}

const readings = document([
  { id: 'src', kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis' } },
  { id: 'out', kind: 'sink.collect' },
]);

/** A row nested `depth` objects deep under `deep`, as one NDJSON line. */
function deepRow(depth: number): string {
  return `{"ts": 1500, "v": 99, "deep": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

function io(files: Record<string, string>): MemoryIo {
  const memory = memoryIo();
  for (const [name, text] of Object.entries(files)) memory.files.set(name, text);
  return memory;
}

describe('windowpane with deeply nested input', () => {
  it('reports a row nested 100,000 deep with its line and keeps every other row', async () => {
    const rows = ['{"ts": 1000, "v": 1}', '{"ts": 1100, "v": 2}', deepRow(100_000), '{"ts": 1200, "v": 3}', `[${'['.repeat(100_000)}]`, '{"ts": 1300, "v": 4}'];
    const memory = io({ 'pipe.json': readings, 'rows.ndjson': rows.join('\n') });
    const code = await main(['run', 'pipe.json', '--input', 'rows.ndjson'], memory);
    const err = memory.err.join('');
    expect(code, err).toBe(0);
    expect(ndjson(memory.out.join('')).map((r) => r['v'])).toEqual([1, 2, 3, 4]);
    // Column 346 holds the `{` that opens level 65: the row's own brace is level 1, and the nested
    // value's braces, five characters apart from column 31 on, are levels 2 to 65.
    expect(err).toContain("warning: node 'src': line 3: objects and arrays nested deeper than 64 levels (the limit) at column 346\n");
    expect(err).toContain("warning: node 'src': line 5: objects and arrays nested deeper than 64 levels (the limit) at column 65\n");
    expect(err).toContain('4 result rows');
  });

  it('validates a pipeline whose input has a deep row, and refuses an expression nested too deep with its path and column', async () => {
    const memory = io({ 'pipe.json': readings, 'rows.ndjson': ['{"ts": 1000, "v": 1}', deepRow(100_000)].join('\n') });
    expect(await main(['validate', 'pipe.json', '--input', 'rows.ndjson'], memory), memory.err.join('')).toBe(0);

    const filter = document([
      { id: 'src', kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis', data: '{"ts": 1000, "v": 1}' } },
      { id: 'f', kind: 'transform.filter', params: { expr: `${'('.repeat(782)}v > 0${')'.repeat(782)}` } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const refused = io({ 'filter.json': filter });
    expect(await main(['validate', 'filter.json'], refused)).toBe(1);
    expect(refused.err.join('')).toContain(
      "filter.json: nodes[1].params.expr: node 'f': expr: column 65: nesting deeper than 64 levels (parentheses, calls, '-', 'not' and '?:' inside each other)",
    );
  });
});
