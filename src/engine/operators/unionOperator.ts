import type { Batch, FieldType } from '../batch';
import { heldNumber, snapshotMethods } from '../snapshot/operatorState';
import type { Operator, OperatorContext } from './types';
import { createUnionStrings } from './unionStrings';

/**
 * Merges several streams with the same fields; strings are re-encoded into
 * the union's own dictionaries so codes stay stable downstream. Its inputs
 * may be idle (Flink's StatusWatermarkValve): its watermark is the minimum
 * over the inputs that count, those not idle and aligned. An input that becomes active again below the union's watermark is
 * not aligned until its own watermark catches up; meanwhile it holds nothing
 * back and its events may be late. The watermark never goes back, and while no
 * input counts (all idle) it stays where it is: idleness is not the end of input.
 */
export interface UnionOperator extends Operator {
  /** The runtime's word that every source upstream of `input` is idle (or no longer). */
  setInputIdle(input: number, idle: boolean): void;
  /** Input `input`'s own watermark. */
  inputWatermark(input: number): number;
  /** Whether input `input` holds the union's watermark back now (active and aligned). */
  counts(input: number): boolean;
  readonly watermark: number;
}

const FIELD_TYPES: ReadonlySet<unknown> = new Set<FieldType>(['number', 'string', 'boolean', 'time']);

function isFieldList(value: unknown): value is [string, FieldType][] {
  return Array.isArray(value) && value.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && FIELD_TYPES.has(f[1]));
}

export function createUnionOperator(inputs: number, ctx: OperatorContext): UnionOperator {
  const watermarks = new Float64Array(inputs).fill(-Infinity);
  const idle = new Uint8Array(inputs);
  const aligned = new Uint8Array(inputs).fill(1);
  let out = -Infinity;
  const strings = createUnionStrings();
  // Fields of the batches in (null before the first), for a batch of no rows that only moves the watermark on.
  let fields: [string, FieldType][] | null = null;

  const counts = (j: number): boolean => idle[j] === 0 && aligned[j] === 1;
  // Inputs that do not count now; while none, a push is the plain minimum of every input.
  let notCounting = 0;
  const recount = (): void => {
    notCounting = 0;
    for (let j = 0; j < inputs; j++) if (!counts(j)) notCounting++;
  };

  /** Minimum watermark of the inputs that count, other than `except`; NaN when none counts. */
  function combined(except: number): number {
    let min = Number.NaN;
    for (let j = 0; j < inputs; j++) {
      if (j === except || !counts(j)) continue;
      if (!(watermarks[j]! >= min)) min = watermarks[j]!;
    }
    return min;
  }

  /** The union's watermark given a minimum over what counts (NaN: nothing counts, hold). */
  const advanced = (min: number): number => (Number.isNaN(min) || min < out ? out : min);

  function catchUp(input: number, watermark: number): void {
    if (aligned[input] === 0 && idle[input] === 0 && watermark >= out) {
      aligned[input] = 1;
      recount();
    }
  }

  /** Row watermarks while every input counts: each the minimum of its own and the other inputs'. */
  function plainRows(batch: Batch, others: number, watermark: Float64Array): void {
    const o = Number.isNaN(others) ? Infinity : others;
    for (let i = 0; i < batch.length; i++) watermark[i] = Math.min(batch.watermark[i]!, o);
  }

  /** Row watermarks while some input is idle or catching up. */
  function idleAwareRows(batch: Batch, input: number, others: number, watermark: Float64Array): void {
    for (let i = 0; i < batch.length; i++) {
      const w = batch.watermark[i]!;
      catchUp(input, w);
      const own = counts(input) ? w : Number.NaN;
      out = advanced(Number.isNaN(others) ? own : Number.isNaN(own) ? others : Math.min(own, others));
      watermark[i] = out;
    }
  }

  // Typed arrays and maps are restored in place; `out` and the fields are closure variables.
  const snapshots = snapshotMethods({ watermarks, idle, aligned, dicts: strings.dicts, remaps: strings.remaps }, [], {
    out: heldNumber(() => out, (w) => { out = w; }),
    fields: {
      get: () => (fields === null ? null : fields.map(([name, type]) => [name, type])),
      set(value) {
        if (value !== null && !isFieldList(value)) throw new Error('snapshot: expected the union\'s fields');
        fields = value === null ? null : value.map(([name, type]) => [name, type]);
      },
    },
  });

  return {
    get watermark() { return out; },
    snapshot: snapshots.snapshot,
    restore(image, dicts) {
      snapshots.restore(image, dicts);
      recount();
    },
    outputDicts: strings.outputDicts,
    push(batch: Batch, input: number): void {
      const others = combined(input);
      const watermark = new Float64Array(batch.length);
      if (notCounting === 0) plainRows(batch, others, watermark);
      else idleAwareRows(batch, input, others, watermark);
      watermarks[input] = Math.max(watermarks[input]!, batch.endWatermark);
      catchUp(input, watermarks[input]!);
      out = advanced(combined(-1));
      fields ??= Object.entries(batch.columns).map(([name, c]) => [name, c.type]);
      ctx.emit('out', { ...batch, columns: strings.columnsOf(batch, input), watermark, endWatermark: out, keys: null });
    },
    setInputIdle(input: number, nowIdle: boolean): void {
      if ((idle[input] === 1) === nowIdle) return;
      idle[input] = nowIdle ? 1 : 0;
      if (!nowIdle) {
        // Back from idle: it holds the union back again only once it has caught up.
        aligned[input] = watermarks[input]! >= out ? 1 : 0;
        recount();
        return;
      }
      recount();
      const next = advanced(combined(-1));
      if (next === out || fields === null) return;
      out = next;
      const empty = new Float64Array(0);
      ctx.emit('out', { length: 0, time: empty, columns: strings.emptyColumns(fields), watermark: empty, endWatermark: out, keys: null, keyBound: undefined });
    },
    inputWatermark: (input) => watermarks[input]!,
    counts,
  };
}
