/** Selectors of the run state shared by the toolbar, the canvas and the panels (module level, so their identity is stable). */
import { ownValue } from '../ownValue';
import type { RunState } from './types';

export const selectPhase = (s: RunState) => s.phase;
export const selectSpeed = (s: RunState) => s.speed;
export const selectFailure = (s: RunState) => s.failure;
export const selectLoadProblems = (s: RunState) => s.loadProblems;
export const selectWorkerError = (s: RunState) => s.workerError;
export const selectCommandPending = (s: RunState) => s.commandPending;
export const selectDiagnostics = (s: RunState) => s.diagnostics;

/** Events that left the given sources so far (sources have no input, so their rowsOut is what they produced). */
export function eventsFrom(s: RunState, sourceIds: readonly string[]): number {
  let total = 0;
  for (const id of sourceIds) total += ownValue(s.metrics?.nodes, id)?.rowsOut ?? 0;
  return total;
}
