/** The lineage dialog's state: the question asked, and the worker's answer once it came. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lineage, LineageQuery } from '../../worker/lineage/types';

export interface LineageState {
  readonly query: LineageQuery | null;
  readonly answer: Lineage | null;
}

export const lineageStore = createStore<LineageState>()(() => ({ query: null, answer: null }));

export const openLineage = (query: LineageQuery): void => lineageStore.setState({ query, answer: null });
export const closeLineage = (): void => lineageStore.setState({ query: null, answer: null });

export function useLineage<T>(selector: (state: LineageState) => T): T {
  return useStore(lineageStore, selector);
}
