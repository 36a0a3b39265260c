/**
 * Asks the results dock to show a tab from outside it (a lesson step opens
 * the timeline). A counter, so asking for the same tab twice still works.
 */
import { createStore } from 'zustand/vanilla';

export interface DockRequest {
  readonly tab: string | null;
  readonly serial: number;
}

export const dockRequestStore = createStore<DockRequest>()(() => ({ tab: null, serial: 0 }));

export function requestDockTab(tab: string): void {
  dockRequestStore.setState((s) => ({ tab, serial: s.serial + 1 }));
}
