/**
 * What `windowpane run --checkpoint DIR` adds to a run, in the order
 * runCommand calls it (loaded only for such a run: crypto, v8 and the file
 * system's promises stay out of every other start):
 * refuse what cannot be checkpointed, plan the resume (read and check the
 * checkpoint), restore the runtime and roll the output back, then take
 * checkpoints between steps (startCheckpointing).
 */
import type { Runtime } from '../../src/engine/run/runtime';
import type { PipelineDocument } from '../../src/model';
import type { CheckpointArgs, CliCommand } from '../args';
import { EXIT_INVALID, EXIT_USAGE } from '../exitCodes';
import { assignInputs } from '../inputs/assign';
import type { CliIo } from '../io';
import type { OutputPlacement } from '../out';
import type { OutFormat } from '../out/format';
import { checkpointRefusal, planResume } from './resume';
import { hostStateOf, openCheckpointedOutput, type CheckpointedRun, type HostState } from './session';
import { checkpointPath } from './store';

export { startCheckpointing } from './session';
export type { CheckpointedRun, HostState } from './session';

type RunCmd = Extract<CliCommand, { command: 'run' }>;
type Failed = { readonly ok: false; readonly exitCode: number };

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A usage error for a run that cannot be checkpointed (standard output, standard input, Parquet), before anything is read. */
export function refuseCheckpoint(io: CliIo, cmd: RunCmd, format: OutFormat): Failed | null {
  const refusal = checkpointRefusal(cmd.out, format, cmd.inputs.map((i) => i.path));
  if (refusal === null) return null;
  io.stderr(`windowpane: ${refusal}\n`);
  return { ok: false, exitCode: EXIT_USAGE };
}

/**
 * Why a document's WebSocket source cannot be resumed, or null: without log
 * mode what it received before a checkpoint cannot be read again, so a
 * resumed run would miss or repeat events. In log mode its snapshot holds
 * its offsets and it reconnects from them.
 */
export function liveWithoutLog(doc: PipelineDocument): string | null {
  const node = doc.nodes.find((n) => n.kind === 'source.websocket' && n.params.log === undefined);
  return node === undefined ? null : `--checkpoint cannot resume WebSocket source '${node.id}': what a live stream sent before a checkpoint cannot be read again; read it as a log (params.log, a /topics/NAME URL of the sample server) to resume from its offsets`;
}

/** The checkpointed run: with --resume the checkpoint, checked against this run (a refusal leaves the output untouched). */
export async function planCheckpointedRun(
  io: CliIo, cmd: RunCmd, args: CheckpointArgs, format: OutFormat, doc: PipelineDocument,
): Promise<{ readonly ok: true; readonly run: CheckpointedRun; readonly host: HostState } | Failed> {
  if (cmd.out === undefined || format === 'parquet') return { ok: false, exitCode: EXIT_USAGE }; // refused before
  const live = liveWithoutLog(doc);
  if (live !== null) {
    io.stderr(`windowpane: ${live}\n`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  const assigned = assignInputs(doc, cmd.inputs);
  const base = { args, out: cmd.out, format, limit: cmd.limit ?? null, keepsLate: cmd.late !== undefined };
  const resume = await planResume(args, doc, assigned.ok ? assigned.inputs : [], base.out, base.format, base.limit, base.keepsLate, (line) => io.stderr(`${line}\n`));
  if (!resume.ok) {
    io.stderr(`${resume.message}\n`);
    return { ok: false, exitCode: EXIT_INVALID };
  }
  return { ok: true, run: { ...base, version: resume.version, inputs: resume.inputs, resumed: resume.resumed }, host: hostStateOf(resume.resumed) };
}

/** Restores the runtime from the checkpoint (if resuming) and opens the output rolled back to it: where the results go. */
export async function beginCheckpointedRun(io: CliIo, run: CheckpointedRun, runtime: Runtime): Promise<{ readonly ok: true; readonly placement: OutputPlacement & { sync(): Promise<void> } } | Failed> {
  const resumed = run.resumed;
  const file = checkpointPath(run.args.dir);
  if (resumed !== null) {
    try {
      runtime.restore(resumed.snapshot);
    } catch (error) {
      io.stderr(`${file}: cannot resume: ${describe(error)}\n`);
      return { ok: false, exitCode: EXIT_INVALID };
    }
  }
  let committed;
  try {
    committed = await openCheckpointedOutput(run.args, run.out, resumed);
  } catch (error) {
    io.stderr(`windowpane: ${describe(error)}\n`);
    return { ok: false, exitCode: EXIT_INVALID };
  }
  if (resumed !== null) {
    const what = resumed.finished ? 'a finished run' : `${new Date(resumed.takenAt).toISOString()}`;
    io.stderr(`windowpane: resuming from ${file} of ${what} (${resumed.events} events read, ${resumed.output.rows} result rows kept)\n`);
  }
  return { ok: true, placement: { stream: committed.stream, startAt: committed.startAt, rowsBefore: resumed?.output.rows ?? 0, sync: committed.sync } };
}
