/**
 * How the results views reach the run: the controller (results bus, watch)
 * and selectors over the run store. Views that render without a run (no
 * provider yet, or a test) read an idle state and get a null controller.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunController, RunState } from '../run/types';

const IDLE: RunState = {
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

const idleStore = createStore<RunState>(() => IDLE);

const ControllerContext = createContext<RunController | null>(null);

/** Hands the run's controller to the results views, badges and previews below it. */
export function RunAccessProvider({ controller, children }: { controller: RunController | null; children: ReactNode }) {
  return <ControllerContext.Provider value={controller}>{children}</ControllerContext.Provider>;
}

/** The run's controller, or null when there is none. */
export function useRunControllerOrNull(): RunController | null {
  return useContext(ControllerContext);
}

/** A slice of the run state; pass a selector defined at module level (or memoised), so only its changes re-render. */
export function useRunSlice<T>(selector: (state: RunState) => T): T {
  const controller = useContext(ControllerContext);
  return useStore(controller?.store ?? idleStore, selector);
}
