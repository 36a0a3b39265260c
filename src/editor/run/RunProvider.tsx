import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RunController, RunState } from './types';

const RunControllerContext = createContext<RunController | null>(null);

/** Provides the page's run controller (created once, beside the editor store, in src/main.tsx). */
export function RunProvider({ controller, children }: { controller: RunController; children: ReactNode }) {
  return <RunControllerContext.Provider value={controller}>{children}</RunControllerContext.Provider>;
}

/** The controller, for commands and the results bus (no re-render). */
export function useRunController(): RunController {
  const controller = useContext(RunControllerContext);
  if (controller === null) throw new Error('useRunController needs a RunProvider above it.');
  return controller;
}

/** Subscribes to a slice of the run state; define selectors once at module level (with useShallow for objects). */
export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useRunController().store, selector);
}
