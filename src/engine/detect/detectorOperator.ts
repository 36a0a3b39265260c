/**
 * The one operator every detector runs in. It owns what all detectors share
 * (keys, batches, missing values, warm-up, the three output columns of
 * model/detectorFields.ts, snapshots) and asks a DetectorAlgorithm only to
 * score one value of one key at a time, in arrival order per key: a late
 * record is scored when it arrives, against what its key has seen so far.
 */
import { columnOf, internString, newColumns, type Batch, type Column, type StringDict, createStringDict } from '../batch';
import { withColumnsAndKeys } from '../batchOps';
import { emitRows } from '../operators/selection';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { snapshotMethods } from '../snapshot/operatorState';
import { MAX_NORMAL_BANDS, type DetectorAlgorithm, type DetectorVerdict } from './types';
import { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, IS_ANOMALY_FIELD } from '../../model/detectorFields';

export interface DetectorConfig<State> {
  /** The numeric field watched; a record without a finite value in it is passed on as "no value". */
  readonly field: string;
  /** Records per key learnt from before the detector may call one anomalous. */
  readonly warmup: number;
  /**
   * After a record is flagged, how many of its key's next values are held off:
   * scored and learnt from, but reported normal with score 0, so one anomaly
   * reads as one detection rather than a run of them. 0: none held off.
   */
  readonly holdoff?: number;
  readonly algorithm: DetectorAlgorithm<State>;
}

/** The reason of a record without a value. */
export const NO_VALUE_REASON = 'no value';

/** The reason of a record held off after an anomaly of its key. */
export const HELD_OFF_REASON = 'held off after an anomaly';

/** The reason of the `n`th record of a key while it warms up over `of` records. */
export function warmingUpReason(n: number, of: number): string {
  return `warming up (${n} of ${of})`;
}

/**
 * Every key's state, plain data: `states[key]` is the algorithm's state of key
 * id `key` (dense ids from the keyBy upstream; 0 when unkeyed), `seen[key]`
 * how many values it has scored (for warm-up).
 */
export class DetectorState {
  states: unknown[] = [];
  seen: Float64Array = new Float64Array(16);
  /** `flagged[key]`: the `seen` count of the key's last flagged record (0: none yet). */
  flagged: Float64Array = new Float64Array(16);
  keys = 0;
}

/** Output columns written per batch; reused when nobody keeps them past the push. */
interface OutBuffers {
  score: Float64Array;
  flag: Uint8Array;
  reason: Int32Array;
}

function buffers(n: number): OutBuffers {
  return { score: new Float64Array(n), flag: new Uint8Array(n), reason: new Int32Array(n) };
}

/**
 * Makes the operator. The reason column's dictionary holds '', "no value",
 * the warm-up sentences (at most `warmup` of them), the algorithm's normal
 * band sentences (at most MAX_NORMAL_BANDS) and the explanation of each
 * anomaly: a record judged normal gets its band's fixed sentence ("within
 * 1.5 sigma of the rolling mean"), so that a long run's dictionary grows
 * only with its anomalies, and explain() (string formatting per record,
 * which cut the threshold detector's NAB throughput by about a third) runs
 * only for them.
 */
export function createDetectorOperator<State>(config: DetectorConfig<State>, ctx: OperatorContext): Operator & { state: DetectorState } {
  const { field, warmup, algorithm } = config;
  const holdoff = config.holdoff ?? 0;
  const st = new DetectorState();
  const dict: StringDict = createStringDict();
  // Interned first, in this order, by every fresh operator: a restored dictionary starts the same way.
  // '' was the reason of normal records before they had band sentences: still interned first so codes stay as they were.
  internString(dict, '');
  const NO_VALUE = internString(dict, NO_VALUE_REASON);
  // Interned on first use, not here: dictionaries of snapshots taken before hold-off existed stay valid.
  let heldOffCode = -1;
  /** Code of the algorithm's normal band sentence, or -1 when not interned yet; derived from dict, dropped on restore. */
  const normalCodes = new Int32Array(MAX_NORMAL_BANDS).fill(-1);
  /** Code of warmingUpReason(n, warmup) at n - 1, or -1 when not interned yet; derived from dict, dropped on restore. */
  let warmCodes = new Int32Array(0);
  const verdict: DetectorVerdict = { score: 0, isAnomaly: false };
  let reused = buffers(0);

  function warmCode(n: number): number {
    if (warmCodes.length < n) {
      const grown = new Int32Array(Math.min(warmup, Math.max(n, warmCodes.length * 2, 64))).fill(-1);
      grown.set(warmCodes);
      warmCodes = grown;
    }
    let code = warmCodes[n - 1]!;
    if (code < 0) code = warmCodes[n - 1] = internString(dict, warmingUpReason(n, warmup));
    return code;
  }

  function normalCode(band: number): number {
    const b = band >= 0 ? (band < MAX_NORMAL_BANDS ? band : MAX_NORMAL_BANDS - 1) : 0;
    let code = normalCodes[b]!;
    if (code < 0) code = normalCodes[b] = internString(dict, algorithm.normalText(b));
    return code;
  }

  function growFlagged(key: number): void {
    const grown = new Float64Array(Math.max(key + 1, st.flagged.length * 2));
    grown.set(st.flagged);
    st.flagged = grown;
  }

  function stateOf(key: number): State {
    const states = st.states as (State | undefined)[];
    let s = states[key];
    if (s !== undefined) return s;
    if (st.seen.length <= key) {
      const grown = new Float64Array(Math.max(key + 1, st.seen.length * 2));
      grown.set(st.seen);
      st.seen = grown;
    }
    while (states.length < key) states.push(undefined);
    s = states[key] = algorithm.createState();
    st.keys++;
    return s;
  }

  /** Scores rows `rows` (or all when null) of `batch` into `out`, indexed by row. */
  function run(batch: Batch, rows: Int32Array | null, out: OutBuffers): void {
    const column: Column | undefined = columnOf(batch.columns, field);
    const values = column !== undefined && column.type !== 'string' && column.type !== 'boolean' ? column.values : null;
    const keys = batch.keys;
    const time = batch.time;
    const { score, flag, reason } = out;
    const n = rows === null ? batch.length : rows.length;
    for (let j = 0; j < n; j++) {
      const i = rows === null ? j : rows[j]!;
      const v = values === null ? NaN : values[i]!;
      // NaN and infinities: no value to learn from, and the state stays as it was.
      if (!Number.isFinite(v)) {
        score[i] = 0;
        flag[i] = 0;
        reason[i] = NO_VALUE;
        continue;
      }
      const key = keys === null ? 0 : keys[i]!;
      const state = stateOf(key);
      algorithm.score(state, v, time[i]!, verdict);
      const count = ++st.seen[key]!;
      const s = verdict.score;
      score[i] = s >= 0 ? (s <= 1 ? s : 1) : 0;
      if (count <= warmup) {
        flag[i] = 0;
        reason[i] = warmCode(count);
      } else if (verdict.isAnomaly) {
        // Grown here, apart from seen: a snapshot taken before hold-off existed restores seen but not this.
        if (st.flagged.length <= key) growFlagged(key);
        const last = st.flagged[key]!;
        if (last > 0 && count - last <= holdoff) {
          score[i] = 0;
          flag[i] = 0;
          if (heldOffCode < 0) heldOffCode = internString(dict, HELD_OFF_REASON);
          reason[i] = heldOffCode;
          continue;
        }
        st.flagged[key] = count;
        flag[i] = 1;
        reason[i] = internString(dict, algorithm.explain(state, v, verdict));
      } else {
        flag[i] = 0;
        reason[i] = normalCode(algorithm.normalBand(state, v, verdict));
      }
    }
  }

  function output(batch: Batch, out: OutBuffers): Batch {
    const columns = newColumns();
    for (const name of Object.keys(batch.columns)) columns[name] = batch.columns[name]!;
    columns[ANOMALY_SCORE_FIELD] = { type: 'number', values: out.score };
    columns[IS_ANOMALY_FIELD] = { type: 'boolean', values: out.flag };
    columns[ANOMALY_REASON_FIELD] = { type: 'string', codes: out.reason, dict };
    return withColumnsAndKeys(batch, columns, batch.keys, batch.keyBound);
  }

  /** Buffers for `n` rows: the reused ones when `reuse`, else fresh arrays the receiver may keep. */
  function outFor(n: number, reuse: boolean): OutBuffers {
    if (!reuse) return buffers(n);
    if (reused.score.length < n) reused = buffers(Math.max(n, reused.score.length * 2));
    if (reused.score.length === n) return reused;
    return { score: reused.score.subarray(0, n), flag: reused.flag.subarray(0, n), reason: reused.reason.subarray(0, n) };
  }

  const snapshots = snapshotMethods({ st }, [algorithm]);
  return {
    state: st,
    snapshot: snapshots.snapshot,
    restore(image, dicts): void {
      snapshots.restore(image, dicts);
      // The runtime refills the dictionary from the snapshot: codes cached before may now name other strings.
      warmCodes = new Int32Array(0);
      heldOffCode = -1;
      normalCodes.fill(-1);
    },
    outputDicts: () => new Map([[ANOMALY_REASON_FIELD, dict]]),
    push(batch: Batch): void {
      const out = outFor(batch.length, ctx.reuseOutputs === true);
      run(batch, null, out);
      ctx.emit('out', output(batch, out));
    },
    // Only the selected rows are scored (the others must not touch state); a
    // selection is read only during its push, so the output columns may be
    // the reused buffers unless the host keeps what is emitted.
    pushSelected(batch: Batch, rows: Int32Array): void {
      const out = outFor(batch.length, ctx.outputsKept !== true);
      run(batch, rows, out);
      emitRows(ctx, 'out', output(batch, out), rows);
    },
    stats(): StateStats {
      return { keys: st.keys, openWindows: 0, lateEvents: 0 };
    },
  };
}
