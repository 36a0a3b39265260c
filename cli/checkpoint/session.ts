/**
 * A checkpointed run's pieces put together (runCommand calls these): the
 * results file opened fresh or rolled back, the restored state the process
 * holds beside the runtime (late rows, log sink counts), and the
 * Checkpointer that captures runtime, output and those between steps.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Row } from '../../src/engine/operators/sinks';
import type { Runtime } from '../../src/engine/run/runtime';
import type { CheckpointArgs } from '../args';
import type { ResultOutput } from '../out';
import { Checkpointer } from './checkpointer';
import { openCommittedFile, type CommittedFile } from './committedFile';
import type { CliCheckpoint } from './format';
import { CHECKPOINT_FORMAT } from './format';
import type { InputIdentity } from './inputIdentity';
import { checkpointPath, prepareDir } from './store';

/** What the run holds beside the runtime, restored from the checkpoint on a resume. */
export interface HostState {
  readonly late: Map<string, Row[]>;
  readonly logged: Map<string, number>;
}

export function hostStateOf(resumed: CliCheckpoint | null): HostState {
  const late = new Map<string, Row[]>();
  for (const [id, rows] of resumed?.late ?? []) late.set(id, [...rows]);
  return { late, logged: new Map(resumed?.logged ?? []) };
}

/** The results file for a checkpointed run (DIR made first, so a run that cannot checkpoint fails before writing). */
export async function openCheckpointedOutput(args: CheckpointArgs, out: string, resumed: CliCheckpoint | null): Promise<CommittedFile> {
  await prepareDir(args.dir);
  // A fresh run drops an earlier run's checkpoint first: killed before its own first one, it must not be resumed from that.
  if (resumed === null) await rm(checkpointPath(args.dir), { force: true });
  return openCommittedFile(out, resumed?.output.bytes ?? null);
}

export interface CheckpointedRun {
  readonly args: CheckpointArgs;
  readonly version: string;
  readonly inputs: readonly InputIdentity[];
  readonly resumed: CliCheckpoint | null;
  readonly limit: number | null;
  readonly out: string;
  readonly format: 'ndjson' | 'csv';
  readonly keepsLate: boolean;
}

/** The Checkpointer of a run: each checkpoint is the runtime's snapshot with the output's commit point and the host's state. */
export function startCheckpointing(
  run: CheckpointedRun, runtime: Runtime, output: ResultOutput, file: Pick<CommittedFile, 'sync'>, host: HostState, now: () => number,
): Checkpointer {
  const eventsBefore = run.resumed?.events ?? 0;
  const path = resolve(run.out);
  return new Checkpointer(run.args.dir, run.args.everyMs, {
    capture(finished) {
      const snapshot = runtime.snapshot();
      const point = output.commitPoint();
      const checkpoint: CliCheckpoint = {
        format: CHECKPOINT_FORMAT,
        pipelineVersion: run.version,
        limit: run.limit,
        takenAt: now(),
        events: eventsBefore + runtime.position,
        finished,
        snapshot,
        inputs: run.inputs,
        output: { path, format: run.format, bytes: point.bytes, rows: output.rows },
        late: run.keepsLate ? [...host.late] : null,
        logged: [...host.logged],
      };
      return { checkpoint, written: point.written };
    },
    syncOutput: () => file.sync(),
  }, now);
}
