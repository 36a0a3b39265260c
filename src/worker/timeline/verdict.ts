/**
 * The verdict on one event at a window node, as a sentence a person reads
 * when hovering its mark: what became of it and why, with times as the app
 * writes them (charts/format) and durations as people write them ("2 s").
 * Pure: the recorder gathers the facts, the engine decided the fate.
 */
import { formatTime, formatWatermark } from '../../charts/format';
import type { EventFate } from '../timelineTypes';

export type WindowKind = 'tumbling' | 'hopping' | 'cumulate' | 'session' | 'count';

export interface VerdictFacts {
  readonly fate: EventFate;
  readonly kind: WindowKind;
  readonly timeDomain: 'event' | 'processing';
  /** The event's time on the window's axis (arrival time in processing time). */
  readonly time: number;
  /** The node's watermark when it arrived. */
  readonly watermark: number;
  readonly latenessMs: number;
  /**
   * The windows it went into (on time, revision), or for a late event the
   * windows it would have belonged to (a session: the one it would have
   * opened); newest last.
   */
  readonly windows: readonly { readonly start: number; readonly end: number }[];
  /** Count windows: the event's place in its window (1-based) and the window's size. */
  readonly countPlace?: { readonly nth: number; readonly size: number };
}

const UNITS: readonly [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];

/** A duration as people write it: "2 s", "500 ms", "1 min", "1.5 s", "90 s", "2 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0 s';
  for (const [unit, name] of UNITS) if (ms % unit === 0) return `${ms / unit} ${name}`;
  if (Math.abs(ms) >= 1000) return `${Number((ms / 1000).toPrecision(6))} s`;
  return `${Number(ms.toPrecision(6))} ms`;
}

/** A window bound: whole seconds without their ".000" ("12:00:05"), else to the millisecond. */
export function formatBound(ms: number): string {
  const text = formatTime(ms);
  return text.endsWith('.000') ? text.slice(0, -4) : text;
}

/** "[12:00:00, 12:00:05)". */
export function formatWindow(w: { readonly start: number; readonly end: number }): string {
  return `[${formatBound(w.start)}, ${formatBound(w.end)})`;
}

/** "the window [a, b)", "the windows [a, b) and [c, d)", "the session [a, b)". */
function windowsPhrase(kind: WindowKind, windows: VerdictFacts['windows']): string {
  const noun = kind === 'session' ? 'session' : 'window';
  if (windows.length === 0) return `no ${noun}`;
  const listed = windows.map(formatWindow);
  if (listed.length === 1) return `the ${noun} ${listed[0]!}`;
  return `the ${noun}s ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)!}`;
}

const latenessPhrase = (ms: number): string => (ms > 0 ? `plus its ${formatDuration(ms)} of allowed lateness` : 'with no allowed lateness');

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The sentence for one event (see the file comment). */
export function verdict(f: VerdictFacts): string {
  const wm = formatWatermark(f.watermark);
  if (f.kind === 'count') {
    const place = f.countPlace === undefined ? '' : ` the ${ordinal(f.countPlace.nth)} of the ${f.countPlace.size} events of ${windowsPhrase(f.kind, f.windows)};`;
    return `counted:${place} a count window takes every event in arrival order and fires at its ${f.countPlace === undefined ? 'last' : ordinal(f.countPlace.size)}; no event is late`;
  }
  if (f.timeDomain === 'processing') {
    return `on time: a processing-time window takes every event at its arrival, ${formatTime(f.time)}, into ${windowsPhrase(f.kind, f.windows)}; nothing is late in processing time`;
  }
  const newest = f.windows.at(-1);
  switch (f.fate) {
    case 'onTime':
      return `on time: the watermark ${wm} had not reached the end of ${windowsPhrase(f.kind, f.windows)}, which had not fired yet`;
    case 'revision': {
      const noun = f.kind === 'session' ? 'the session' : f.windows.length > 1 ? 'each window that had fired' : 'the window';
      return `revision: the watermark ${wm} had passed the end of ${windowsPhrase(f.kind, f.windows)} but not ${latenessPhrase(f.latenessMs).replace(/^plus /, '')}; ${noun} fired again with this event`;
    }
    case 'late': {
      const target = newest === undefined ? windowsPhrase(f.kind, []) : f.kind === 'session' ? `the session it would open, ${formatWindow(newest)},` : windowsPhrase(f.kind, [newest]);
      return `late: the watermark ${wm} had passed ${target} ${latenessPhrase(f.latenessMs)}; sent to the late port`;
    }
  }
}
