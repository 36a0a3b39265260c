/**
 * Every change of the run's state goes through this one reducer, as a
 * RunAction (TanStack Query's query.ts does the same for a query's state).
 * It returns the state it was given when an action changes nothing, so a
 * frame with nothing new notifies no one.
 */
import type { Frame } from '../../worker/protocol';
import type { TravelFrame } from '../../worker/travel/types';
import type { RunAction, RunState } from './types';

export const initialRunState: RunState = {
  pipelineId: '',
  // The page's first pipeline owns every run until another one opens.
  firstRunId: 0,
  phase: 'idle',
  runId: 0,
  failure: null,
  speed: 1,
  metrics: null,
  watchedNodeId: null,
  preview: null,
  diagnostics: [],
  loadProblems: [],
  workerError: null,
  commandPending: false,
  travel: null,
  checkpoint: null,
};

/** Run-level notes kept at most; older ones go first. */
const MAX_DIAGNOSTICS = 200;

/** What belongs to one run only, cleared when a new run id arrives. */
function freshRun(state: RunState, runId: number): RunState {
  return { ...state, runId, failure: null, metrics: null, preview: null, diagnostics: [], travel: null, checkpoint: null };
}

/** Whether run `runId` is one of the open pipeline's (see RunState.firstRunId). */
export function isOwnRun(state: RunState, runId: number): boolean {
  return state.firstRunId !== null && runId >= state.firstRunId;
}

/** A pipeline opened after another: idle, with nothing of the other's run; the page's speed and watched node stay. */
function openedPipeline(state: RunState, pipelineId: string): RunState {
  if (pipelineId === state.pipelineId) return state;
  return { ...initialRunState, pipelineId, firstRunId: null, runId: state.runId, speed: state.speed, watchedNodeId: state.watchedNodeId, commandPending: state.commandPending };
}

function applyFrame(state: RunState, frame: Frame): RunState {
  // A run of the pipeline open before, drained after the switch: none of it is this pipeline's.
  if (!isOwnRun(state, frame.runId)) return state;
  const base = frame.runId === state.runId ? state : freshRun(state, frame.runId);
  const changed =
    base !== state ||
    frame.phase !== state.phase ||
    frame.failure?.message !== state.failure?.message ||
    frame.failure?.nodeId !== state.failure?.nodeId ||
    frame.metrics !== null ||
    frame.preview !== null ||
    frame.diagnostics.length > 0 ||
    travelMoved(state.travel, frame.travel ?? null) ||
    (frame.checkpoint ?? null)?.takenAt !== state.checkpoint?.takenAt ||
    (frame.phase === 'running' && state.workerError !== null);
  if (!changed) return state;
  const diagnostics = frame.diagnostics.length === 0 ? base.diagnostics : [...base.diagnostics, ...frame.diagnostics].slice(-MAX_DIAGNOSTICS);
  return {
    ...base,
    phase: frame.phase,
    failure: frame.failure,
    metrics: frame.metrics ?? base.metrics,
    // A preview of a node no longer watched is dropped.
    preview: frame.preview !== null && frame.preview.nodeId === base.watchedNodeId ? frame.preview : base.preview,
    diagnostics,
    workerError: frame.phase === 'running' ? null : base.workerError,
    travel: frame.travel === undefined || !travelMoved(base.travel, frame.travel) ? base.travel : frame.travel,
    checkpoint: frame.checkpoint ?? base.checkpoint,
  };
}

/** A new object every frame; a change only when a figure differs. */
function travelMoved(was: TravelFrame | null, now: TravelFrame | null): boolean {
  if (was === null || now === null) return was !== now;
  return was.position !== now.position || was.head !== now.head || was.earliest !== now.earliest || was.cuts !== now.cuts;
}

/** What the run status says after a Stop that was not answered and so ended the worker. */
function stopUnansweredText(waitedMs: number): string {
  const seconds = Math.round(waitedMs / 100) / 10;
  return `The run did not answer Stop within ${seconds} s, so it was ended.`;
}

/** The next state of a run after `action`. */
export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'frame':
      return applyFrame(state, action.frame);
    case 'loaded': {
      const next = action.runId === state.runId ? state : freshRun(state, action.runId);
      return { ...next, firstRunId: state.firstRunId ?? action.runId, loadProblems: [] };
    }
    case 'loadRefused':
      return { ...freshRun(state, state.runId), phase: 'idle', loadProblems: action.problems };
    case 'refusalOutdated':
      return state.loadProblems.length === 0 ? state : { ...state, loadProblems: [] };
    case 'pipelineOpened':
      return openedPipeline(state, action.pipelineId);
    case 'speed':
      return action.speed === state.speed ? state : { ...state, speed: action.speed };
    case 'watch':
      return action.nodeId === state.watchedNodeId ? state : { ...state, watchedNodeId: action.nodeId, preview: null };
    case 'workerCrashed':
      return { ...freshRun(state, state.runId), phase: 'idle', workerError: `Worker restarted: ${action.message}` };
    case 'stopUnanswered':
      // The views keep their rows (the results bus is not reset): Stop keeps results until the next Run.
      return { ...freshRun(state, state.runId), phase: 'idle', workerError: stopUnansweredText(action.waitedMs) };
    case 'commandPending':
      return action.pending === state.commandPending ? state : { ...state, commandPending: action.pending };
  }
}
