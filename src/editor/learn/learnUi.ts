/** What the Learn panel's parts ask of the panel: notices, problems, copying. */
import type { Problem } from '../../model/problems';

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface LearnUi {
  /** Nothing when it went well; its problems, under `title`, when not. */
  report(outcome: Outcome, title: string): void;
  /** A short notice under the documents bar. */
  notify(message: string): void;
  /** Copies `text`, saying `done`; shows it to copy by hand, under `title`, when the browser refuses. */
  copy(text: string, done: string, title: string): void;
}
