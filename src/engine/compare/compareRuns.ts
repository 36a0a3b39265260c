/**
 * What-if: the same input through two documents, step by step (so a host can
 * run it in slices and keep answering), then window by window differences.
 * The CLI's `compare` and the worker's what-if both use it.
 */
import type { PipelineDocument } from '../../model';
import type { CompileProblem } from '../plan/types';
import { diffNode } from './diffRuns';
import { recordRun } from './recordRun';
import { applyChange, paramValue } from './whatIfParams';
import type { CompareOptions, Comparison, ParamChange } from './types';

const DEFAULT_BATCH = 1024;
const DEFAULT_LISTED = 200;
/** Entries of recorded live input given to both runs per step call. */
const REPLAY_PER_STEP = 64;

/** A comparison under way. */
export interface RunningComparison {
  /** Steps both runs by up to `maxRows` rows per source; false once both inputs have ended. */
  step(maxRows?: number): boolean;
  /** Events read so far by each run. */
  progress(): { readonly eventsA: number; readonly eventsB: number };
  /** The differences so far (of the whole input once `step` returned false). */
  result(): Comparison;
}

export type StartResult =
  | { ok: true; comparison: RunningComparison }
  | { ok: false; message: string; problems?: readonly CompileProblem[] };

/** Why a document cannot be compared by replaying its input, or null. */
function unreplayable(doc: PipelineDocument, limit: number | undefined, replay: boolean): string | null {
  const live = doc.nodes.find((n) => n.kind === 'source.websocket');
  if (live !== undefined && !replay) return `source '${live.id}' reads a WebSocket and none of its input was recorded to play twice`;
  if (limit === undefined) {
    const unbounded = doc.nodes.find((n) => n.kind === 'source.sample' && (n.params as { limit?: number }).limit === undefined);
    if (unbounded !== undefined) return `source '${unbounded.id}' is unbounded (no limit in its params): give a limit of events to compare`;
  }
  return null;
}

/** Starts comparing `doc` (run A) with `doc` after `change` (run B). */
export function startComparison(doc: PipelineDocument, change: ParamChange, options: CompareOptions = {}): StartResult {
  const changed = applyChange(doc, change);
  if (!changed.ok) return changed;
  const why = unreplayable(doc, options.limit, options.replay !== undefined);
  if (why !== null) return { ok: false, message: why };
  return startComparingDocuments(doc, changed.document, change, paramValue(doc, change.nodeId, change.param), options, notesOn(doc, change));
}

/** Sentences about a change whose two runs do not read the same events. */
function notesOn(doc: PipelineDocument, change: ParamChange): string[] {
  const node = doc.nodes.find((n) => n.id === change.nodeId);
  if (node?.kind === 'source.sample' && change.param === 'maxOutOfOrderness') {
    return [`a sample stream delays each event by up to its out-of-orderness bound (its late ones beyond it): with another bound, '${node.id}' plays the same events in another order`];
  }
  return [];
}

/** Starts comparing two documents over the same input; `change` and `before` only describe them. */
export function startComparingDocuments(a: PipelineDocument, b: PipelineDocument, change: ParamChange, before: string | number | null, options: CompareOptions = {}, notes: readonly string[] = []): StartResult {
  const runA = recordRun(a, options, 'a');
  if (!runA.ok) return { ok: false, message: `the document cannot run: ${runA.problems.map((p) => p.message).join('; ')}`, problems: runA.problems };
  const runB = recordRun(b, options, 'b');
  if (!runB.ok) return { ok: false, message: `with ${change.nodeId}.${change.param} = ${String(change.value)} the document cannot run: ${runB.problems.map((p) => p.message).join('; ')}`, problems: runB.problems };
  const ra = runA.run;
  const rb = runB.run;
  let liveA = true;
  let liveB = true;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const replay = options.replay ?? [];
  let replayed = 0;
  // Live sources end where the recording ends (no recording: no live source to end).
  let liveClosed = options.replay === undefined;
  return {
    ok: true,
    comparison: {
      step(maxRows = batch) {
        // Recorded live input first, a stretch per call so a host slicing the work keeps answering.
        if (replayed < replay.length) {
          for (const end = Math.min(replay.length, replayed + REPLAY_PER_STEP); replayed < end; replayed++) {
            ra.replay(replay[replayed]!);
            rb.replay(replay[replayed]!);
          }
          return true;
        }
        if (!liveClosed) {
          ra.closeLive();
          rb.closeLive();
          liveClosed = true;
        }
        if (liveA) liveA = ra.step(maxRows);
        if (liveB) liveB = rb.step(maxRows);
        return liveA || liveB;
      },
      progress: () => ({ eventsA: ra.events(), eventsB: rb.events() }),
      result() {
        const ids = [...new Set([...ra.nodes.keys(), ...rb.nodes.keys()])];
        return {
          change, before,
          eventsA: ra.events(), eventsB: rb.events(),
          resultRowsA: ra.resultRows(), resultRowsB: rb.resultRows(),
          nodes: ids.map((id) => diffNode(id, ra, rb, options.maxListed ?? DEFAULT_LISTED, options.listAll === true)),
          notes,
        };
      },
    },
  };
}

/** Runs a whole comparison at once (the CLI, tests). */
export function compareWhatIf(doc: PipelineDocument, change: ParamChange, options: CompareOptions = {}): { ok: true; comparison: Comparison } | { ok: false; message: string } {
  const started = startComparison(doc, change, options);
  if (!started.ok) return started;
  const { comparison } = started;
  while (comparison.step()) { /* both runs to the end of their input */ }
  return { ok: true, comparison: comparison.result() };
}
