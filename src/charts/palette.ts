/**
 * Series colours, readable on the light and the dark surface alike. A key
 * keeps its colour for the whole run: it is picked by the key's slot (the
 * order keys first appeared), not by its rank, which changes.
 */
const SERIES_COLORS = ['#6366f1', '#0d9488', '#d97706', '#e11d48', '#2563eb', '#9333ea', '#16a34a', '#0891b2', '#ea580c', '#64748b'] as const;

/** The colour of colour slot `slot`. */
export function seriesColor(slot: number): string {
  return SERIES_COLORS[slot % SERIES_COLORS.length]!;
}

/** `color` at `alpha` (0..1), for fills under lines and bars. */
export function withAlpha(color: string, alpha: number): string {
  return `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
}
