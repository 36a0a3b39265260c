import { createComplexCell, type ComplexCell } from '../aggregate/complexCells';
import type { MeasureNeeds } from '../aggregate/plan';
import { sketchAddCodes } from '../aggregate/sketchBins';
import { BUFFER_SIZE } from '../aggregate/sketchMapping';
import { SET_WORDS } from './stagedKernels';

/**
 * The flat start of each (slice, key) cell's percentile sketch: up to `room`
 * sketch codes per cell in one array, with their count and their smallest
 * and largest value. A window of a hundred values per key then keeps its
 * values here and never reaches its cell's sketch object, which lies behind
 * several pointers (a chain of cache misses per batch and cell). When a
 * cell's codes are full, they move to its sketch (see stagedViews). A class,
 * not an object literal: see FastRun (fastFold) for why.
 */
export class StagedCodes {
  readonly room: number;
  readonly codes: Int32Array;
  readonly fill: Int32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;

  constructor(cells: number) {
    this.room = roomFor(cells);
    this.codes = new Int32Array(cells * this.room);
    this.fill = new Int32Array(cells);
    this.min = new Float64Array(cells).fill(Infinity);
    this.max = new Float64Array(cells).fill(-Infinity);
  }
}

/**
 * Codes a field may stage over all its cells: with many cells each gets less
 * room, down to MIN_ROOM, and beyond that none (every value then goes to its
 * cell's sketch, as before staging), so a store of a million cells stays small.
 */
const STAGE_BUDGET = 1 << 21;
const MIN_ROOM = 8;

/** Room per cell for `cells` cells: a power of two at most a sketch's buffer (so a cell's codes fit one), or 0. */
export function roomFor(cells: number): number {
  let room = BUFFER_SIZE;
  while (room > 0 && room * cells > STAGE_BUDGET) room = room > MIN_ROOM ? room >> 1 : 0;
  return room;
}

/** Empty staged codes for `cells` cells. */
export function createStagedCodes(cells: number): StagedCodes {
  return new StagedCodes(cells);
}

/** Empty flat distinct sets (SET_WORDS words each) for `cells` cells. */
export function createSetWords(cells: number): Uint32Array {
  return new Uint32Array(cells * SET_WORDS);
}

/** How the store's cells move when it is re-laid: cell s * oldKeys + k becomes s * keyCap + k, for the first oldSlots slots. */
export interface Relayout {
  oldKeys: number;
  oldSlots: number;
  keyCap: number;
  slotCap: number;
}

/** Flat sets re-laid (see Relayout). */
export function relayWords(words: Uint32Array, r: Relayout): Uint32Array {
  const out = createSetWords(r.keyCap * r.slotCap);
  for (let s = 0; s < r.oldSlots; s++) {
    out.set(words.subarray(s * r.oldKeys * SET_WORDS, (s + 1) * r.oldKeys * SET_WORDS), s * r.keyCap * SET_WORDS);
  }
  return out;
}

/**
 * Staged codes re-laid (see Relayout), with the room the new size allows.
 * A cell with more codes than that moves them to its sketch in `complex`,
 * still at its old index: re-lay the complex cells after this.
 */
export function relayCodes(stage: StagedCodes, complex: (ComplexCell | undefined)[], needs: MeasureNeeds, r: Relayout): StagedCodes {
  const out = createStagedCodes(r.keyCap * r.slotCap);
  for (let s = 0; s < r.oldSlots; s++) {
    for (let k = 0; k < r.oldKeys; k++) {
      const from = s * r.oldKeys + k;
      const used = stage.fill[from]!;
      if (used === 0) continue;
      const at = from * stage.room;
      if (used > out.room) {
        const cell = (complex[from] ??= createComplexCell(needs));
        sketchAddCodes(cell.sketch!, stage.codes, at, at + used, stage.min[from]!, stage.max[from]!);
        continue;
      }
      const to = s * r.keyCap + k;
      out.codes.set(stage.codes.subarray(at, at + used), to * out.room);
      out.fill[to] = used;
      out.min[to] = stage.min[from]!;
      out.max[to] = stage.max[from]!;
    }
  }
  return out;
}

/** Empties the flat parts of cells [from, to). */
export function clearStaged(words: Uint32Array | null, stage: StagedCodes | null, from: number, to: number): void {
  words?.fill(0, from * SET_WORDS, to * SET_WORDS);
  if (stage === null) return;
  stage.fill.fill(0, from, to);
  stage.min.fill(Infinity, from, to);
  stage.max.fill(-Infinity, from, to);
}
