import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeSnapshot } from '../../src/engine/run/runtimeSnapshot';
import { Checkpointer, type CheckpointSource } from './checkpointer';
import { CHECKPOINT_FORMAT, type CliCheckpoint } from './format';
import { readCheckpoint } from './store';

const scratch = mkdtempSync(join(tmpdir(), 'windowpane-checkpointer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A source whose checkpoints count the captures in `events`. */
function counting(): CheckpointSource & { captures: number } {
  const source = {
    captures: 0,
    capture(finished: boolean) {
      source.captures++;
      const checkpoint: CliCheckpoint = {
        format: CHECKPOINT_FORMAT, pipelineVersion: 'v', limit: null, takenAt: 0, events: source.captures, finished,
        snapshot: {} as RuntimeSnapshot, inputs: [], output: { path: '/o', format: 'ndjson', bytes: 0, rows: 0 }, late: null, logged: [],
      };
      return { checkpoint, written: Promise.resolve() };
    },
    syncOutput: () => Promise.resolve(),
  };
  return source;
}

describe('Checkpointer', () => {
  it('takes none before the interval, then one, and the last at the end marked finished', async () => {
    const dir = join(scratch, 'interval');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    let now = 0;
    const source = counting();
    const checkpointer = new Checkpointer(dir, 1000, source, () => now);
    now = 999;
    expect(checkpointer.tick()).toBeUndefined();
    expect(source.captures).toBe(0);
    now = 1000;
    await checkpointer.tick(); // taken; the turn it returns lets the write go on
    expect(source.captures).toBe(1);
    await checkpointer.finish();
    expect(source.captures).toBe(2);
    const read = await readCheckpoint(dir);
    expect(read.kind === 'ok' && read.checkpoint.finished && read.checkpoint.events === 2).toBe(true);
  });

  it('gets its checkpoints written in a run that never waits for I/O (sample sources alone), by awaiting the turns tick returns', async () => {
    const dir = join(scratch, 'turns');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    let now = 0;
    const checkpointer = new Checkpointer(dir, 10, counting(), () => now);
    let steps = 0;
    // A run loop as runToEnd's, without file reads: only what tick returns lets the event loop turn.
    while (checkpointer.written < 3 && steps < 1_000_000) {
      steps++;
      now += 10;
      const turn = checkpointer.tick();
      if (turn !== undefined) await turn;
    }
    expect(checkpointer.written).toBe(3);
  });

  it('waits 19 times as long as the last checkpoint held the run before the next, so checkpoints cost at most about 5 %', async () => {
    const dir = join(scratch, 'stretch');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    let now = 0;
    let clock = 0;
    const source = counting();
    // Each capture holds the run 100 ms by the checkpointer's clock.
    const slow: CheckpointSource = { capture: (finished) => { clock += 100; return source.capture(finished); }, syncOutput: source.syncOutput };
    const checkpointer = new Checkpointer(dir, 10, slow, () => now, () => clock);
    now = 10;
    await checkpointer.tick();
    await checkpointer.settle();
    expect(source.captures).toBe(1);
    now = 10 + 1899;
    await checkpointer.tick();
    expect(source.captures).toBe(1);
    now = 10 + 1900;
    await checkpointer.tick();
    expect(source.captures).toBe(2);
    await checkpointer.settle();
  });

  it('stops the run at the next step when a checkpoint cannot be written', async () => {
    let now = 0;
    const checkpointer = new Checkpointer(join(scratch, 'no', 'such', 'dir'), 10, counting(), () => now);
    now = 10;
    checkpointer.tick();
    await checkpointer.settle();
    expect(() => checkpointer.tick()).toThrow(/ENOENT/);
    await expect(checkpointer.finish()).rejects.toThrow(/ENOENT/);
  });
});
