/**
 * Every change of the run's state goes through this one reducer, as a
 * RunAction (TanStack Query's query.ts does the same for a query's state).
 * It returns the state it was given when an action changes nothing, so a
 * frame with nothing new notifies no one.
 */
import type { Frame } from '../../worker/protocol';
import type { RunAction, RunState } from './types';

export const initialRunState: RunState = {
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
};

/** Run-level notes kept at most; older ones go first. */
export const MAX_DIAGNOSTICS = 200;

/** What belongs to one run only, cleared when a new run id arrives. */
function freshRun(state: RunState, runId: number): RunState {
  return { ...state, runId, failure: null, metrics: null, preview: null, diagnostics: [] };
}

function applyFrame(state: RunState, frame: Frame): RunState {
  const base = frame.runId === state.runId ? state : freshRun(state, frame.runId);
  const changed =
    base !== state ||
    frame.phase !== state.phase ||
    frame.failure?.message !== state.failure?.message ||
    frame.failure?.nodeId !== state.failure?.nodeId ||
    frame.metrics !== null ||
    frame.preview !== null ||
    frame.diagnostics.length > 0 ||
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
  };
}

/** The next state of a run after `action`. */
export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'frame':
      return applyFrame(state, action.frame);
    case 'loaded':
      return { ...(action.runId === state.runId ? state : freshRun(state, action.runId)), loadProblems: [] };
    case 'loadRefused':
      return { ...freshRun(state, state.runId), phase: 'idle', loadProblems: action.problems };
    case 'speed':
      return action.speed === state.speed ? state : { ...state, speed: action.speed };
    case 'watch':
      return action.nodeId === state.watchedNodeId ? state : { ...state, watchedNodeId: action.nodeId, preview: null };
    case 'workerCrashed':
      return { ...freshRun(state, state.runId), phase: 'idle', workerError: action.message };
  }
}
