/**
 * The sample generator: events in index order from a stream spec, optionally
 * shuffled within a bounded delay through a reorder buffer.
 *
 * Payloads and delays come from two independent pure-rand streams, each drawn in
 * event-index order, so the rows never depend on how `next` is called.
 */
import { createStringDict, type Field, type RowBlock, type StringDict } from '../../batch';
import { allocateRows, finishBlock, headRows, streamFields } from './block';
import { unit, seededRng } from './random';
import { StateRng } from './stateRng';
import { allocateSlot, createReorderBuffer, popSlot, pushSlot, type ReorderBuffer } from './reorderBuffer';
import { STREAM_SPECS } from './streams/registry';
import type { RowSink, SampleParams } from './types';
import { validateSampleParams } from './validate';

/** Everything a generator remembers, as plain data (a snapshot is a deep copy of this plus the dictionaries). */
export interface SampleGeneratorState {
  /** xoroshiro128+ state of the payload and delay random streams. */
  rng: number[];
  delayRng: number[];
  /** Events generated so far (the index of the next one). */
  nextIndex: number;
  delivered: number;
  /** The stream's own state (typed arrays and numbers). */
  readonly stream: unknown;
  /** Pending events, or null when the stream is in order. */
  readonly buffer: ReorderBuffer | null;
  /** Per string field, the dictionary code of each id (-1 until first delivered). */
  readonly codes: readonly Int32Array[];
}

/** A deterministic source of sample events. */
export interface SampleGenerator {
  readonly fields: readonly Field[];
  /** One dictionary per string field (in field order), shared by every block. */
  readonly dicts: readonly StringDict[];
  readonly state: Readonly<SampleGeneratorState>;
  /**
   * The next up to `maxRows` (integer >= 1) events, or null once `limit` events were delivered.
   * With `recycle`, the block may be written into the arrays of the previous recycled block
   * (the caller keeps no block past its next call): the same rows, without fresh arrays.
   */
  next(maxRows: number, recycle?: boolean): RowBlock | null;
}

/** Creates a generator; throws a RangeError on invalid params. */
export function createSampleGenerator(params: SampleParams): SampleGenerator {
  validateSampleParams(params);
  const { rate, keys, limit, maxOutOfOrdernessMs: bound, lateFraction, startTime } = params;
  const spec = STREAM_SPECS[params.stream];
  const payloadRng = seededRng(params.seed);
  const delayRng = payloadRng.clone();
  delayRng.jump();
  const stringFields = spec.fields.flatMap((f) => (f.type === 'string' ? [f] : []));
  const numberCount = spec.fields.length - stringFields.length;
  // A StateRng for init too: the draw helpers then see one generator class, so
  // their calls of `next` stay monomorphic (cheap to inline) in every stream's fill.
  const initRng = new StateRng(payloadRng.getState());
  const state: SampleGeneratorState = {
    stream: spec.init(initRng, keys),
    rng: Array.from(initRng.getState()),
    delayRng: Array.from(delayRng.getState()),
    nextIndex: 0,
    delivered: 0,
    buffer: bound > 0 || lateFraction > 0 ? createReorderBuffer(numberCount, stringFields.length) : null,
    codes: stringFields.map((f) => new Int32Array(f.cardinality(keys)).fill(-1)),
  };
  const dicts = stringFields.map(() => createStringDict());
  const lateSpan = Math.max(2 * bound, 1000);
  const nominalTime = (i: number): number => Math.floor(startTime + (i * 1000) / rate);
  // Rows a recycling caller lets the next block overwrite: fresh typed arrays of a
  // batch cost the generator several percent of a run (allocation, zeroing, GC).
  let spare: RowSink | null = null;
  function rowsFor(n: number, recycle: boolean): RowSink {
    if (!recycle) return allocateRows(spec.fields, n);
    if (spare === null || spare.ts.length < n) spare = allocateRows(spec.fields, n);
    return spare.ts.length === n ? spare : headRows(spare, n);
  }

  function fillInOrder(rows: RowSink, n: number): void {
    const rng = new StateRng(state.rng);
    for (let r = 0; r < n; r++) rows.ts[r] = nominalTime(state.nextIndex + r);
    spec.fill(state.stream, rng, rows, 0, n);
    state.nextIndex += n;
    state.rng = Array.from(rng.getState());
  }

  function fillShuffled(buf: ReorderBuffer, rows: RowSink, n: number): void {
    const rng = new StateRng(state.rng);
    const drng = new StateRng(state.delayRng);
    let r = 0;
    while (r < n) {
      const exhausted = limit !== null && state.nextIndex >= limit;
      // Any event not generated yet has a key >= its time >= nextTime and a larger
      // index, so the heap top may go once its key reaches nextTime.
      if (buf.size > 0 && (exhausted || buf.key[buf.heap[0]!]! <= nominalTime(state.nextIndex))) {
        const slot = buf.heap[0]!;
        rows.ts[r] = buf.ts[slot]!;
        for (let c = 0; c < rows.num.length; c++) rows.num[c]![r] = buf.num[c]![slot]!;
        for (let c = 0; c < rows.ids.length; c++) rows.ids[c]![r] = buf.ids[c]![slot]!;
        popSlot(buf);
        r++;
        continue;
      }
      const slot = allocateSlot(buf);
      const ts = nominalTime(state.nextIndex);
      const late = lateFraction > 0 && unit(drng) < lateFraction;
      const u = unit(drng);
      buf.ts[slot] = ts;
      buf.seq[slot] = state.nextIndex;
      buf.key[slot] = ts + (late ? bound + (1 - u) * lateSpan : u * bound);
      spec.fill(state.stream, rng, buf, slot, slot + 1);
      pushSlot(buf, slot);
      state.nextIndex++;
    }
    state.rng = Array.from(rng.getState());
    state.delayRng = Array.from(drng.getState());
  }

  return {
    fields: streamFields(spec.fields),
    dicts,
    state,
    next(maxRows: number, recycle = false): RowBlock | null {
      if (!(Number.isInteger(maxRows) && maxRows >= 1)) {
        throw new RangeError(`next(maxRows): expected an integer >= 1, got ${maxRows}`);
      }
      const n = limit === null ? maxRows : Math.min(maxRows, limit - state.delivered);
      if (n <= 0) return null;
      const rows = rowsFor(n, recycle);
      if (state.buffer === null) fillInOrder(rows, n);
      else fillShuffled(state.buffer, rows, n);
      state.delivered += n;
      return finishBlock(spec.fields, rows, state.codes, dicts);
    },
  };
}
