/**
 * Whether the Learn panel is open and which lesson it shows, outside the
 * panel so the top bar's Learn button and a lesson link can open it.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface LearnState {
  readonly open: boolean;
  /** The lesson shown, by id; null: the list of lessons. */
  readonly lessonId: string | null;
  /** Bumped each time the panel is asked to take the focus (opened, or asked again while open). */
  readonly focusRequest: number;
  /** A lesson link (`#lesson=`, `#learn=`) the panel has yet to open. */
  readonly link: string | null;
}

export const learnStore = createStore<LearnState>()(() => ({ open: false, lessonId: null, focusRequest: 0, link: null }));

/** The id of the top bar's Learn button, where the focus goes back when the panel closes. */
export const LEARN_BUTTON_ID = 'wp-learn-open';

/** Opens the panel (where it was left) and moves the focus into it. */
export function showLearn(): void {
  learnStore.setState((s) => ({ open: true, focusRequest: s.focusRequest + 1 }));
}

/** Opens the panel on a lesson link, which the panel reads (its code loads with it). */
export function openLessonLink(hash: string): void {
  learnStore.setState((s) => ({ open: true, link: hash, focusRequest: s.focusRequest + 1 }));
}

/** Shows another lesson, or the list, without moving the focus out of the panel. */
export function chooseLesson(lessonId: string | null): void {
  learnStore.setState({ lessonId });
}

/** Closes the panel; the focus goes back to the Learn button rather than to the page's body. */
export function closeLearn(): void {
  learnStore.setState({ open: false });
  document.getElementById(LEARN_BUTTON_ID)?.focus();
}

export function useLearn<T>(selector: (state: LearnState) => T): T {
  return useStore(learnStore, selector);
}
