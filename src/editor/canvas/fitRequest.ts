/**
 * Asks the canvas to fit every node in view from outside it (a lesson opens
 * beside the Learn panel, which narrows the canvas). A counter, so asking
 * twice fits twice.
 */
import { createStore } from 'zustand/vanilla';

export const fitRequestStore = createStore<{ readonly serial: number }>()(() => ({ serial: 0 }));

export function requestFitView(): void {
  fitRequestStore.setState((s) => ({ serial: s.serial + 1 }));
}
