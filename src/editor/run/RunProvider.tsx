import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { initialRunState } from './reducer';
import type { RunController, RunState } from './types';

const RunControllerContext = createContext<RunController | null>(null);

/** What views read when there is no run controller (a component test, a page without a worker). */
const idleStore = createStore<RunState>(() => initialRunState);

/**
 * Provides the page's run controller (created once, beside the editor store,
 * in src/main.tsx); null renders everything below as idle.
 */
export function RunProvider({ controller, children }: { controller: RunController | null; children: ReactNode }) {
  return <RunControllerContext.Provider value={controller}>{children}</RunControllerContext.Provider>;
}

/** The controller, for commands and the results bus (no re-render). */
export function useRunController(): RunController {
  const controller = useContext(RunControllerContext);
  if (controller === null) throw new Error('useRunController needs a RunProvider with a controller above it.');
  return controller;
}

/** The controller, or null when there is none (views that also render without a run). */
export function useRunControllerOrNull(): RunController | null {
  return useContext(RunControllerContext);
}

/**
 * Subscribes to a slice of the run state (idle without a controller); define
 * selectors once at module level (with useShallow for objects), so only the
 * slice's changes re-render.
 */
export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useContext(RunControllerContext)?.store ?? idleStore, selector);
}
