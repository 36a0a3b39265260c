/**
 * Result rows of windows whose cells are direct (count, and sum, avg, min
 * and max of one field; see directMode and cellLayout), read from the store's
 * cell array in place rather than through an accumulator.
 */
import { END, START, TIME, WATERMARK, writeFramedResult, type ResultWriter } from '../aggregate/resultWriter';
import { OP_COUNT, type DirectRows } from './directRowLayout';
import type { SlicedWindowState } from './slicedState';
import { windowEnd, windowStart } from './windowShape';

/**
 * Writes key's row of window k (revision `revision`) from direct cell
 * `cell`, with the watermark the caller put in the writer's frame. Rows
 * that need nothing but numbers copied (the key's code known, every output
 * a number, the field seen) go straight into the writer's columns, without
 * the values array, the frame and writeFramedResult's tests per output: these
 * are the bulk of a late-data stream's output, one row per late event, and
 * P5's window ran 7-11% faster so. Others go through writeFramedResult.
 */
export function writeDirect(st: SlicedWindowState, rows: DirectRows, cell: number, k: number, key: number, revision: number): void {
  const writer = st.writer;
  const cells = st.store.count;
  const at = cell * rows.stride;
  const n = rows.nAt < 0 ? 1 : cells[at + rows.nAt]!;
  if (n === 0 || writer.rows === writer.time.length || writer.anyStringOutput || !knownKey(writer, key)) {
    writeGeneral(st, rows, cells, at, n, k, key, revision);
    return;
  }
  const row = writer.rows++;
  const columns = writer.cells;
  const sh = st.shape;
  const end = windowEnd(sh, k);
  columns[0]![row] = windowStart(sh, k);
  columns[1]![row] = end;
  let c = 2;
  if (writer.keyCodes.length === 1) columns[c++]![row] = writer.keyCodes[0]![key]!;
  const { at: from, average } = rows;
  for (let o = 0; o < from.length; o++) {
    const v = cells[at + from[o]!]!;
    if (average[o] === 1) columns[c + o]![row] = v / n;
    else columns[c + o]![row] = v;
  }
  columns[c + from.length]![row] = revision;
  writer.time[row] = end - 1;
  writer.watermark[row] = writer.frame[WATERMARK]!;
}

/** Whether the writer has key's code at hand (or the results carry no key), as the lean path of writeDirect needs. */
function knownKey(writer: ResultWriter, key: number): boolean {
  const fields = writer.keyCodes.length;
  return fields === 0 || (fields === 1 && key < writer.keyKnown.length && writer.keyKnown[key] === 1);
}

/** writeDirect through writeFramedResult: the same values as loadCellInto and scalarResult would give. */
function writeGeneral(st: SlicedWindowState, rows: DirectRows, cells: Float64Array, at: number, n: number, k: number, key: number, revision: number): void {
  const { ops } = rows;
  const values = st.out.values;
  for (let o = 0; o < ops.length; o++) {
    const v = cells[at + rows.at[o]!]!;
    if (ops[o] === OP_COUNT) values[o] = v;
    else if (rows.nAt < 0 || n === 0) values[o] = NaN;
    else values[o] = rows.average[o] === 1 ? v / n : v;
  }
  setFrame(st, k);
  writeFramedResult(st.writer, key, values, revision);
}

/**
 * Window k's bounds and its last millisecond (the rows' event time) into the
 * writer's frame (see writeFramedResult); callers put the watermark there
 * once per firing or revision. Nothing here passes a time as an argument.
 */
export function setFrame(st: SlicedWindowState, k: number): void {
  const frame = st.writer.frame;
  const end = windowEnd(st.shape, k);
  frame[START] = windowStart(st.shape, k);
  frame[END] = end;
  frame[TIME] = end - 1;
}
