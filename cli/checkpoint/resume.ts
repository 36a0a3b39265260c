/**
 * Before a checkpointed run starts: what cannot be checkpointed is refused
 * (standard output, standard input, Parquet), and with --resume the
 * checkpoint in DIR is read and checked against this run: the same pipeline
 * version, --limit, output file and format, and input files unchanged.
 * Every refusal is one sentence naming the file and what is wrong.
 */
import { resolve } from 'node:path';
import type { PipelineDocument } from '../../src/model';
import { pipelineVersion } from '../../src/model/pipelineVersion';
import type { CheckpointArgs } from '../args';
import type { AssignedInput } from '../inputs/assign';
import { STDIN } from '../inputs/inputArgs';
import type { CliCheckpoint } from './format';
import { identifyInput, inputChange, type InputIdentity } from './inputIdentity';
import { checkpointPath, readCheckpoint } from './store';

/** Why a run with these options cannot be checkpointed (a usage error), or null. */
export function checkpointRefusal(out: string | undefined, format: string, inputPaths: readonly string[]): string | null {
  if (out === undefined) return '--checkpoint needs --out FILE: results written to standard output cannot be rolled back on --resume';
  if (format === 'parquet') return '--checkpoint writes NDJSON or CSV: a Parquet file is complete only when its footer is written and cannot be cut back and appended to on --resume; use --format ndjson or csv';
  if (inputPaths.includes(STDIN)) return '--checkpoint cannot resume standard input (--input -): it can be read only once; give the data as a file';
  return null;
}

export type ResumePlan =
  | { readonly ok: true; readonly resumed: CliCheckpoint | null; readonly version: string; readonly inputs: readonly InputIdentity[] }
  | { readonly ok: false; readonly message: string };

/** What this run's checkpoints record of the run, and with --resume the checkpoint to go on from (null: none in DIR, start fresh). */
export async function planResume(
  args: CheckpointArgs, doc: PipelineDocument, assigned: readonly AssignedInput[], out: string, format: 'ndjson' | 'csv', limit: number | null,
  keepsLate: boolean, note: (line: string) => void,
): Promise<ResumePlan> {
  const version = pipelineVersion(doc);
  const inputs: InputIdentity[] = [];
  for (const { node, path } of assigned) inputs.push(await identifyInput(node.id, path));
  if (!args.resume) return { ok: true, resumed: null, version, inputs };
  const file = checkpointPath(args.dir);
  const read = await readCheckpoint(args.dir);
  if (read.kind === 'none') {
    note(`windowpane: no checkpoint in ${args.dir} (${file}): starting from the beginning`);
    return { ok: true, resumed: null, version, inputs };
  }
  if (read.kind === 'bad') return { ok: false, message: read.message };
  const ckpt = read.checkpoint;
  const refuse = (why: string): ResumePlan => ({ ok: false, message: `${file}: cannot resume: ${why}` });
  if (ckpt.pipelineVersion !== version) return refuse(`it is of another version of the pipeline (${ckpt.pipelineVersion}, the document now is ${version}): its nodes, parameters or edges changed; run again without --resume`);
  if (ckpt.limit !== limit) return refuse(`it was taken with ${ckpt.limit === null ? 'no --limit' : `--limit ${ckpt.limit}`}, this run has ${limit === null ? 'none' : `--limit ${limit}`}`);
  if (ckpt.output.path !== resolve(out)) return refuse(`its results go to ${ckpt.output.path}, not ${resolve(out)}: give the same --out`);
  if ((ckpt.late !== null) !== keepsLate) return refuse(`it was taken ${keepsLate ? 'without' : 'with'} --late, and the late rows before it ${keepsLate ? 'were not kept' : 'would be lost'}: give the same options`);
  if (ckpt.output.format !== format) return refuse(`its results are ${ckpt.output.format}, this run writes ${format}`);
  for (const then of ckpt.inputs) {
    const now = inputs.find((i) => i.node === then.node);
    if (now === undefined) return refuse(`it read ${then.path} for node '${then.node}', this run gives no --input for it`);
    const change = inputChange(then, now);
    if (change !== null) return refuse(`the input file ${then.path} changed since the checkpoint: ${change}; resuming would read other rows`);
  }
  const extra = inputs.find((i) => !ckpt.inputs.some((t) => t.node === i.node));
  if (extra !== undefined) return refuse(`this run gives node '${extra.node}' the file ${extra.path}, the checkpointed run read that node's inline data`);
  return { ok: true, resumed: ckpt, version, inputs };
}
