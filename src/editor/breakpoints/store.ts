/**
 * The page's breakpoints: what is armed, what the worker could not arm, the
 * last hit, and the open context menu. One store for the page (breakpoints
 * belong to the pipeline on screen and are cleared when another opens).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Breakpoint, BreakpointHit, BreakpointProblem, BreakpointSpec } from '../../worker/breakpoints/types';
import { sameSpec } from './specs';

/** What a breakpoint is set on: a node or an edge. */
export type BreakpointTarget = { readonly kind: 'node'; readonly nodeId: string } | { readonly kind: 'edge'; readonly edgeId: string };

export interface BreakpointsState {
  readonly list: readonly Breakpoint[];
  readonly problems: readonly BreakpointProblem[];
  readonly hit: BreakpointHit | null;
  readonly menu: { readonly target: BreakpointTarget; readonly x: number; readonly y: number } | null;
  /** Arms `spec` (once: the same spec again keeps the one there is); returns its id. */
  add(spec: BreakpointSpec): string;
  remove(id: string): void;
  clear(): void;
}

let next = 0;

export const breakpointsStore = createStore<BreakpointsState>()((set, get) => ({
  list: [],
  problems: [],
  hit: null,
  menu: null,
  add(spec) {
    const there = get().list.find((b) => sameSpec(b.spec, spec));
    if (there !== undefined) return there.id;
    const id = `bp${++next}`;
    set({ list: [...get().list, { id, spec }] });
    return id;
  },
  remove(id) {
    set({ list: get().list.filter((b) => b.id !== id), problems: get().problems.filter((p) => p.id !== id) });
  },
  clear() {
    set({ list: [], problems: [], hit: null });
  },
}));

export function useBreakpoints<T>(selector: (state: BreakpointsState) => T): T {
  return useStore(breakpointsStore, selector);
}

/** The breakpoints set on a node (its own, and an edge condition's on edges leaving it are the edge's). */
export function onNode(list: readonly Breakpoint[], nodeId: string): Breakpoint[] {
  return list.filter((b) => b.spec.kind !== 'event' && b.spec.kind !== 'condition' && b.spec.nodeId === nodeId);
}

export function onEdge(list: readonly Breakpoint[], edgeId: string): Breakpoint[] {
  return list.filter((b) => b.spec.kind === 'condition' && b.spec.edgeId === edgeId);
}
