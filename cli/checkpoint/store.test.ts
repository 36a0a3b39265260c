import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeSnapshot } from '../../src/engine/run/runtimeSnapshot';
import { CHECKPOINT_FORMAT, type CliCheckpoint } from './format';
import { checkpointPath, decodeCheckpoint, encodeCheckpoint, readCheckpoint, writeCheckpointBytes } from './store';

const scratch = mkdtempSync(join(tmpdir(), 'windowpane-ckpt-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function checkpoint(over: Partial<CliCheckpoint> = {}): CliCheckpoint {
  const snapshot = { format: 1, plan: {}, dicts: [['src\u0000key', ['a', 'b']]], nodes: [['w', { sums: new Float64Array([1.5, 2]), keys: new Map([['a', 1]]) }]], ended: [], metrics: [], idle: null } as unknown as RuntimeSnapshot;
  return {
    format: CHECKPOINT_FORMAT, pipelineVersion: '0123456789abcdef', limit: null, takenAt: 1, events: 10, finished: false, snapshot,
    inputs: [{ node: 'file', path: '/data/in.csv', size: 100, mtimeMs: 5, ends: 'ff' }],
    output: { path: '/out.csv', format: 'csv', bytes: 42, rows: 3 }, late: null, logged: [['log', 2]], ...over,
  };
}

describe('checkpoint files', () => {
  it('read back what was written, typed arrays and Maps as they were', async () => {
    const dir = join(scratch, 'roundtrip');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    await writeCheckpointBytes(dir, encodeCheckpoint(checkpoint()));
    expect(readdirSync(dir)).toEqual(['checkpoint.bin']); // the temporary file was renamed over it
    const read = await readCheckpoint(dir);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    const state = read.checkpoint.snapshot.nodes[0]![1] as { sums: Float64Array; keys: Map<string, number> };
    expect(state.sums).toBeInstanceOf(Float64Array);
    expect([...state.sums]).toEqual([1.5, 2]);
    expect(state.keys.get('a')).toBe(1);
    expect(read.checkpoint.output.bytes).toBe(42);
  });

  it('a directory without a checkpoint has none (a resume starts fresh)', async () => {
    expect(await readCheckpoint(join(scratch, 'nothing-here'))).toEqual({ kind: 'none' });
  });

  it('say what is wrong with a truncated, garbled, foreign or other-format checkpoint, naming the file', async () => {
    const bytes = encodeCheckpoint(checkpoint());
    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length / 2)), /corrupt: its \d+ bytes do not match the checksum/],
      ['head only', bytes.subarray(0, 30), /truncated \(30 bytes\)/],
      ['flipped', Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from([bytes[bytes.length - 3]! ^ 0xff]), bytes.subarray(bytes.length - 2)]), /do not match the checksum/],
      ['garbage', Buffer.from('{"not":"a checkpoint"}'), /not a windowpane checkpoint/],
      ['empty', Buffer.alloc(0), /not a windowpane checkpoint/],
      ['format', encodeCheckpoint(checkpoint({ format: CHECKPOINT_FORMAT + 98 })), new RegExp(`checkpoint format ${CHECKPOINT_FORMAT + 98}, this windowpane reads format ${CHECKPOINT_FORMAT}`)],
      ['shape', encodeCheckpoint({ format: CHECKPOINT_FORMAT } as unknown as CliCheckpoint), /incomplete/],
    ];
    for (const [name, data, problem] of cases) {
      const dir = join(scratch, name);
      const { mkdir } = await import('node:fs/promises');
      await mkdir(dir);
      writeFileSync(checkpointPath(dir), data);
      const read = await readCheckpoint(dir);
      expect(read.kind, name).toBe('bad');
      if (read.kind !== 'bad') continue;
      expect(read.message, name).toContain(checkpointPath(dir));
      expect(read.message, name).toMatch(problem);
      expect(decodeCheckpoint(data).ok, name).toBe(false);
    }
  });
});
