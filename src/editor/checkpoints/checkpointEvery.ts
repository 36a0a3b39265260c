/** How often a running pipeline is checkpointed: the choices, and the one chosen, kept in localStorage. */
import { DEFAULT_CHECKPOINT_EVERY_MS } from '../../worker/checkpoints/types';

export const CHECKPOINT_EVERY_KEY = 'windowpane.checkpointEveryMs';

/** Wall-clock ms between checkpoints; 0 takes them on Pause and Stop only. */
export const CHECKPOINT_CHOICES: readonly { readonly ms: number; readonly label: string }[] = [
  { ms: 1000, label: 'every 1 s' },
  { ms: 5000, label: 'every 5 s' },
  { ms: 15_000, label: 'every 15 s' },
  { ms: 60_000, label: 'every min' },
  { ms: 0, label: 'on Pause, Stop' },
];

/** The stored choice, or the default when none (or something else) is stored. */
export function loadCheckpointEvery(storage: Pick<Storage, 'getItem'> | null): number {
  const raw = storage?.getItem(CHECKPOINT_EVERY_KEY) ?? null;
  const ms = raw === null ? NaN : Number(raw);
  return CHECKPOINT_CHOICES.some((c) => c.ms === ms) ? ms : DEFAULT_CHECKPOINT_EVERY_MS;
}

export function saveCheckpointEvery(storage: Pick<Storage, 'setItem'> | null, ms: number): void {
  try {
    storage?.setItem(CHECKPOINT_EVERY_KEY, String(ms));
  } catch {
    // Storage full or refused (a private window): the choice holds for this page only.
  }
}

/** "1.2 M", "34 k", "950": events for a button label. */
export function formatEvents(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)} k`;
  return String(n);
}
