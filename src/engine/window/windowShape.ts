/**
 * The arithmetic of a sliced window's shape, in one place: which windows
 * there are, where each starts and ends, which slices each covers and which
 * windows each slice belongs to, and how far a watermark has fired and
 * expired them. Tumbling, hopping and CUMULATE windows differ only in the
 * numbers a WindowShape holds; every other file asks these functions.
 *
 * Windows are numbered k = ..., -1, 0, 1, ... in the order they end. Slices
 * of width g (the gcd of size and slide) are numbered s the same way from
 * the offset: slice s is [offset + s * g, offset + (s + 1) * g).
 *
 * - Tumbling and hopping: window k is [offset + k * slide, + size). It
 *   covers slices [k * m, k * m + n) (m = slide / g, n = size / g).
 * - CUMULATE (Flink's step = slide, maxSize = size, J = size / slide
 *   windows per period): window k ends at offset + (k + 1) * slide and
 *   starts at the start of its period, offset + floor(k / J) * size.
 *   Slices are one step wide (g = slide, m = 1); window k covers slices
 *   [floor(k / J) * J, k + 1), and slice s belongs to windows s up to the
 *   period's last, (floor(s / J) + 1) * J - 1.
 *
 * Both are one formula: window k ends at offset + k * slide + extent
 * (extent = size, or slide for CUMULATE) and starts at
 * offset + floor(k / J) * J * slide (J = 1 unless CUMULATE). A window of
 * one slice (every tumbling window, and CUMULATE with size = slide) has
 * m = n = 1.
 */
import { ceilDiv, floorDiv, gcd } from '../time';

/** A sliced window's shape (see the file comment). A class, not an object literal: see FastRun (fastFold) for why. */
export class WindowShape {
  readonly offset: number;
  readonly slide: number;
  /** Window k ends at offset + k * slide + extent: the size, or for CUMULATE the step. */
  readonly extent: number;
  /** Windows per period that share a start: size / slide for CUMULATE, else 1. */
  readonly period: number;
  /** Slice width, slices per slide (m) and in the largest window (n). */
  readonly g: number;
  readonly m: number;
  readonly n: number;
  /** Slices from the slide's start to a window's end: extent / g. */
  readonly e: number;

  constructor(size: number, slide: number, offset: number, cumulative: boolean) {
    this.offset = offset;
    this.slide = slide;
    this.extent = cumulative ? slide : size;
    this.period = cumulative ? size / slide : 1;
    this.g = gcd(size, slide);
    this.m = slide / this.g;
    this.n = size / this.g;
    this.e = this.extent / this.g;
  }
}

/** The shape of windows of `size` every `slide` from `offset` (CUMULATE: maxSize `size`, step `slide`, size a multiple of slide). */
export function createWindowShape(size: number, slide: number, offset: number, cumulative: boolean): WindowShape {
  return new WindowShape(size, slide, offset, cumulative);
}

/** Whether every window is one slice and every slice one window (tumbling, or CUMULATE with size = slide). */
export function oneSliceWindows(sh: WindowShape): boolean {
  return sh.n === 1 && sh.m === 1;
}

/** Index of the first window of k's period (k itself unless CUMULATE). */
function periodStart(sh: WindowShape, k: number): number {
  return sh.period === 1 ? k : floorDiv(k, sh.period) * sh.period;
}

/** Where window k starts. */
export function windowStart(sh: WindowShape, k: number): number {
  return sh.offset + periodStart(sh, k) * sh.slide;
}

/** Where window k ends (exclusive). */
export function windowEnd(sh: WindowShape, k: number): number {
  return sh.offset + k * sh.slide + sh.extent;
}

/** Window k's last millisecond: it fires when the watermark reaches it, and its rows carry it as their time. */
export function windowLastMs(sh: WindowShape, k: number): number {
  return sh.offset + k * sh.slide + sh.extent - 1;
}

/** The first slice of window k. */
export function firstSliceOf(sh: WindowShape, k: number): number {
  return periodStart(sh, k) * sh.m;
}

/** The slice after window k's last. */
export function endSliceOf(sh: WindowShape, k: number): number {
  return k * sh.m + sh.e;
}

/** The first (oldest) window slice s belongs to, unless it lies in a gap (see inGap). */
export function oldestWindowOf(sh: WindowShape, s: number): number {
  return sh.m === 1 ? s - sh.e + 1 : ceilDiv(s - sh.e + 1, sh.m);
}

/** The last (newest) window slice s belongs to, unless it lies in a gap (see inGap). */
export function newestWindowOf(sh: WindowShape, s: number): number {
  // Slides are usually multiples of the slice (m = 1): then no division is needed.
  const k = sh.m === 1 ? s : Math.floor(s / sh.m);
  return sh.period === 1 ? k : (floorDiv(k, sh.period) + 1) * sh.period - 1;
}

/**
 * Whether slice s lies between windows (hopping with size < slide: past
 * the n slices of the window that starts in its slide). As in Flink, its
 * rows belong to no window and are late only when their own time is.
 */
export function inGap(sh: WindowShape, s: number): boolean {
  if (sh.e >= sh.m) return false;
  return s - Math.floor(s / sh.m) * sh.m >= sh.e;
}

/** Index of the last window whose last millisecond is at or before watermark w (Infinity for Infinity). */
export function lastFiredWindow(sh: WindowShape, w: number): number {
  if (w === Infinity) return Infinity;
  return floorDiv(w + 1 - sh.offset - sh.extent, sh.slide);
}

/** Index of the first window still within `lateness` of watermark w: those before it expire. */
export function firstLiveWindow(sh: WindowShape, w: number, lateness: number): number {
  if (w === Infinity) return Infinity;
  return floorDiv(w + 1 - lateness - sh.offset - sh.extent, sh.slide) + 1;
}
