/**
 * The window node last picked in the timeline tab. Outside the panel, which
 * unmounts while another dock tab shows: coming back follows the same node,
 * so its recording goes on instead of starting afresh on the first one.
 */
import { createStore } from 'zustand/vanilla';

export const chosenWindowStore = createStore<{ readonly nodeId: string | null }>()(() => ({ nodeId: null }));

export function chooseWindow(nodeId: string): void {
  chosenWindowStore.setState({ nodeId });
}
