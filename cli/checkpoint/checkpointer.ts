/**
 * Takes a run's checkpoints: between steps, once the interval has passed,
 * and at the end of input. Taking one is synchronous and short: the runtime's
 * snapshot, the output's commit point (its buffered bytes handed to the
 * stream) and v8.serialize. Making it durable runs while the run goes on:
 * the output's bytes up to the commit point are written and fsynced, then
 * the checkpoint file replaces the last one (cli/checkpoint/store.ts). A
 * checkpoint that cannot be written stops the run at its next step.
 *
 * The synchronous part grows with the state (a snapshot of 100,000 open
 * sessions takes a good part of a second): so that checkpoints never hold
 * the run back by more than about 5 %, the next one waits at least 19 times
 * as long as the last one took, whatever --checkpoint-every says.
 */
import type { CliCheckpoint } from './format';
import { encodeCheckpoint, writeCheckpointBytes } from './store';

/** The least interval, as a multiple of the time the last checkpoint held the run: at most 1 part in 20 of the run. */
export const STRETCH = 19;

/** What the checkpointer needs from the run, called between steps. */
export interface CheckpointSource {
  /** The checkpoint of the run now (its `output.bytes` the commit point) and a promise that the bytes up to there are written. */
  capture(finished: boolean): { readonly checkpoint: CliCheckpoint; readonly written: Promise<void> };
  /** fsyncs the output file. */
  syncOutput(): Promise<void>;
}

export class Checkpointer {
  private last: number;
  private inFlight: Promise<void> | null = null;
  private failure: unknown = null;
  /** Checkpoints made durable. */
  written = 0;
  /** Milliseconds spent taking checkpoints on the run's path (snapshot, commit point, serialize), and bytes of the last. */
  spentMs = 0;
  lastBytes = 0;
  /** What the last checkpoint held the run (ms). */
  lastMs = 0;

  constructor(
    private readonly dir: string,
    private readonly everyMs: number,
    private readonly source: CheckpointSource,
    private readonly now: () => number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.last = now();
  }

  /**
   * Between steps: takes a checkpoint when the interval has passed and none
   * is being written; throws what stopped the last one. While one is being
   * written it returns a turn of the event loop to await, so its I/O
   * completes even in a run that never waits for I/O itself.
   */
  tick(): Promise<void> | undefined {
    if (this.failure !== null) throw this.failure;
    if (this.inFlight === null && this.now() - this.last >= Math.max(this.everyMs, this.lastMs * STRETCH)) this.take(false);
    return this.inFlight === null ? undefined : new Promise<void>((resolve) => { setImmediate(resolve); });
  }

  /** At the end of input: waits for the one being written, then takes and writes the last. */
  async finish(): Promise<void> {
    await this.settle();
    if (this.failure !== null) throw this.failure;
    this.take(true);
    await this.settle();
    if (this.failure !== null) throw this.failure;
  }

  /** The line standard error ends a checkpointed run with. */
  summary(): string {
    const each = this.written === 0 ? 0 : this.spentMs / this.written;
    return `${this.written} checkpoint${this.written === 1 ? '' : 's'} written to ${this.dir} (the last ${(this.lastBytes / 1024).toFixed(0)} KiB; ${each.toFixed(1)} ms each on the run's path)`;
  }

  /** Resolves when no checkpoint is being written (on an early end: the last whole one stays). */
  async settle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  private take(finished: boolean): void {
    const started = this.clock();
    this.last = this.now();
    const { checkpoint, written } = this.source.capture(finished);
    const bytes = encodeCheckpoint(checkpoint);
    this.lastMs = this.clock() - started;
    this.spentMs += this.lastMs;
    this.lastBytes = bytes.length;
    const done = (async () => {
      await written;
      await this.source.syncOutput();
      await writeCheckpointBytes(this.dir, bytes);
    })();
    this.inFlight = done.then(
      () => { this.written++; this.inFlight = null; },
      (error: unknown) => { this.failure = error ?? new Error('the checkpoint could not be written'); this.inFlight = null; },
    );
  }
}
