/**
 * Which windows an event time belongs to, and the verdict on a late event as
 * a sentence, from a window step's spec (the rules of ../../engine/window/windowShape.ts).
 */
import { formatTime } from '../../charts/format';
import type { WindowSpec } from '../../engine/plan/types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** The windows [start, end) of a sliced or session window that an event at `time` belongs to, oldest first. */
export function windowsOf(spec: WindowSpec, time: number): Span[] {
  if (spec.type === 'count') return [];
  if (spec.type === 'session') return [{ start: time, end: time + spec.gap }];
  const { size, slide, offset, cumulative } = spec;
  const out: Span[] = [];
  if (cumulative) {
    const period = offset + floorDiv(time - offset, size) * size;
    for (let end = period + slide; end <= period + size; end += slide) if (end > time) out.push({ start: period, end });
    return out;
  }
  const last = floorDiv(time - offset, slide);
  for (let k = floorDiv(time - offset - size, slide) + 1; k <= last; k++) {
    const start = offset + k * slide;
    if (start <= time && time < start + size) out.push({ start, end: start + size });
  }
  return out;
}

/** A clock time, without milliseconds when they are zero ("12:00:05", "12:00:07.999"). */
export function clock(ms: number): string {
  const text = formatTime(ms);
  return text.endsWith('.000') ? text.slice(0, -4) : text;
}

/** "2 s", "1.5 s", "250 ms", "1 min". */
export function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(3))} s`;
  return `${ms} ms`;
}

/** Why an event that went to the late port was late: the last window it belonged to had closed. */
export function lateVerdict(spec: WindowSpec, windows: readonly Span[], watermark: number): string {
  const lateness = spec.type === 'count' ? 0 : spec.lateness;
  const last = windows.at(-1);
  const where = last === undefined ? 'its window' : `the window [${clock(last.start)}, ${clock(last.end)})`;
  const plus = lateness > 0 ? ` plus its ${duration(lateness)} of allowed lateness` : ' (no allowed lateness)';
  return `late: the watermark ${clock(watermark)} had passed ${where}${plus}; sent to the late port`;
}
