import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson, type MemoryIo } from './testIo';

const root = resolve(import.meta.dirname, '..');
const cardSpend = resolve(root, 'examples/card-spend.json');

async function cli(io: MemoryIo, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  io.out.length = 0;
  io.err.length = 0;
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** card-spend with its window's allowed lateness set, as a file the memory I/O can read. */
function withLateness(io: MemoryIo, lateness: string): string {
  const doc = JSON.parse(readFileSync(cardSpend, 'utf8')) as { nodes: { id: string; params: Record<string, unknown> }[] };
  doc.nodes.find((n) => n.id === 'minute')!.params['allowedLateness'] = lateness;
  const path = `card-spend-${lateness}.json`;
  io.files.set(path, JSON.stringify(doc));
  return path;
}

/** Latest revision of every window of a `windowpane run`, by bounds and card. */
function finalWindows(out: string): Map<string, Record<string, unknown>> {
  const windows = new Map<string, Record<string, unknown>>();
  for (const row of ndjson(out)) windows.set(`${String(row['window_start'])} ${String(row['card'])}`, row);
  return windows;
}

interface NodeJson { nodeId: string; windowsA: number; windowsB: number; same: number; changed: number; onlyA: number; onlyB: number; lateA: number; lateB: number; differences: { start: number; key: string[]; changedFields: string[] }[] }

describe('windowpane compare', () => {
  it('finds, for allowed lateness 0 against 30s, the late counts and the changed windows that two `windowpane run`s give', async () => {
    const io = memoryIo();
    const zero = withLateness(io, '0s');
    const thirty = withLateness(io, '30s');
    const runA = await cli(io, 'run', zero);
    const runB = await cli(io, 'run', thirty);
    const lateOf = (err: string): number => Number(/(\d+) late events/.exec(err)?.[1] ?? 0);
    const a = finalWindows(runA.out);
    const b = finalWindows(runB.out);
    const changed = [...a.keys()].filter((k) => b.has(k) && ['payments', 'total', 'largest', 'countries'].some((f) => a.get(k)![f] !== b.get(k)![f]));

    const compared = await cli(io, 'compare', zero, '--set', 'minute.allowedLateness=30s', '--json');
    expect(compared.code, compared.err).toBe(0);
    const c = JSON.parse(compared.out) as { before: string; eventsA: number; eventsB: number; nodes: NodeJson[] };
    expect(c.before).toBe('0s');
    expect(c.eventsA).toBe(30_000);
    expect(c.eventsB).toBe(30_000);
    const node = c.nodes.find((n) => n.nodeId === 'minute')!;
    expect(node.lateA).toBe(lateOf(runA.err));
    expect(node.lateB).toBe(lateOf(runB.err));
    expect(node.lateA).toBeGreaterThan(node.lateB);
    expect(node.windowsA).toBe(a.size);
    expect(node.windowsB).toBe(b.size);
    expect(node.changed).toBe(changed.length);
    expect(node.changed).toBeGreaterThan(0);
    expect(node.differences.filter((d) => d.changedFields.length > 0).map((d) => `${d.start} ${d.key[0]}`).sort()).toEqual(changed.sort());
    expect(node.same + node.changed).toBe(a.size);
  });

  it('prints a summary: counts per window node, then the windows that differ', async () => {
    const io = memoryIo();
    const { code, out } = await cli(io, 'compare', cardSpend, '--set', 'minute.size=30s', '--limit', '3000');
    expect(code).toBe(0);
    expect(out).toContain('A is the document as it is (minute.size = 1m), B has minute.size = 30s');
    expect(out).toContain('events read: 3000 in A, 3000 in B');
    expect(out).toMatch(/windows: +\d+ in A, \d+ in B: 0 same, 0 changed, \d+ only in A, \d+ only in B/);
    expect(out).toMatch(/only in A: \[2023-11-14 22:13:00Z, 2023-11-14 22:14:00Z\) card="card-\d+": payments \d+/);
    expect(out).toMatch(/only in B: \[2023-11-14 22:13:30Z, 2023-11-14 22:14:00Z\)/);
    expect(out).toContain('--json lists every window');
  });

  it('says what is wrong with the change or the command line', async () => {
    const io = memoryIo();
    const missing = await cli(io, 'compare', cardSpend);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('compare needs the change to compare with');
    const malformed = await cli(io, 'compare', cardSpend, '--set', 'minute=30s');
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain("--set must read NODE.PARAM=VALUE, got 'minute=30s'");
    const notComparable = await cli(io, 'compare', cardSpend, '--set', 'spend.aggregations=1');
    expect(notComparable.code).toBe(2);
    expect(notComparable.err).toContain("cannot compare 'aggregations' of node 'spend'");
    const invalid = await cli(io, 'compare', cardSpend, '--set', 'minute.allowedLateness=-5s');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('minute.allowedLateness = "-5s" is not valid');
    const onRun = await cli(io, 'run', cardSpend, '--set', 'minute.size=1s');
    expect(onRun.code).toBe(2);
    expect(onRun.err).toContain('--set only applies to compare');
  });
});
