/**
 * What a CLI checkpoint holds (cli/checkpoint/): the run's Runtime.snapshot()
 * and what the process holds beside it, so a resumed run goes on exactly
 * where the checkpoint was taken. Written with v8.serialize (structured
 * clone: typed arrays and Maps as they are).
 */
import type { Row } from '../../src/engine/operators/sinks';
import type { RuntimeSnapshot } from '../../src/engine/run/runtimeSnapshot';
import type { InputIdentity } from './inputIdentity';

/** Bumped whenever the shape below changes: an older checkpoint is refused by name, not misread. */
export const CHECKPOINT_FORMAT = 1;

/** The file a checkpoint directory holds; written beside as `.tmp` first and renamed over it. */
export const CHECKPOINT_FILE = 'checkpoint.bin';

/** The results file as committed: what a resume cuts it back to. */
export interface CommittedOutput {
  /** Absolute path. */
  readonly path: string;
  readonly format: 'ndjson' | 'csv';
  /** The file's length when the checkpoint was taken, every byte of it fsynced first. */
  readonly bytes: number;
  /** Result rows in those bytes. */
  readonly rows: number;
}

export interface CliCheckpoint {
  readonly format: number;
  /** pipelineVersion(doc) of the run that took it. */
  readonly pipelineVersion: string;
  /** --limit of the run (it changes where sources end). */
  readonly limit: number | null;
  /** When it was taken (ms since the epoch) and after how many events read. */
  readonly takenAt: number;
  readonly events: number;
  /** True for the checkpoint taken at the end of input: a resume only closes the output. */
  readonly finished: boolean;
  readonly snapshot: RuntimeSnapshot;
  readonly inputs: readonly InputIdentity[];
  readonly output: CommittedOutput;
  /** Rows that reached late ports (with --late), kept until the end of the run as the run keeps them. */
  readonly late: readonly (readonly [string, readonly Row[]])[] | null;
  /** How many rows each log sink printed (they print their first N only). */
  readonly logged: readonly (readonly [string, number])[];
}
