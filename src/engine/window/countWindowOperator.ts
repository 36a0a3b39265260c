import type { Batch, Field } from '../batch';
import { captureKeys, createKeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { addRow, createScalarAcc, resetScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { createResultWriter, pendingResults, rememberInputDicts, takeResults, writeResult } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { heldNumber, snapshotMethods } from '../snapshot/operatorState';
import { identityRows } from '../batchOps';
import { RowTracer, traceRows } from './rowTrace';

export interface CountWindowConfig {
  readonly size: number;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

interface CountState {
  acc: ScalarAcc;
  minTime: number;
  maxTime: number;
  fired: number;
}

/**
 * Count windows: every `size` events of a key fire one result. As in Flink's
 * GlobalWindows with a CountTrigger, a last, incomplete window never fires.
 * window_start and window_end span the event times of the window's events.
 */
export function createCountWindowOperator(config: CountWindowConfig, ctx: OperatorContext): Operator {
  const keyTable = createKeyTable(config.keyFields);
  const writer = createResultWriter(config.plan, keyTable, true);
  writer.reuseOutput = ctx.reuseOutputs === true;
  const perKey: (CountState | undefined)[] = [];
  let emittedWatermark = -Infinity;
  let open = 0;
  const snapshots = snapshotMethods({ keyTable, writer, perKey }, [config.plan, config.keyFields], {
    emittedWatermark: heldNumber(() => emittedWatermark, (w) => { emittedWatermark = w; }),
    open: heldNumber(() => open, (n) => { open = n; }),
  });
  // Count windows take every event: the trace has no late or revising rows to list.
  const tracer = new RowTracer();
  return {
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    outputDicts: () => writer.outDicts,
    push(batch: Batch): void {
      captureKeys(keyTable, batch);
      rememberInputDicts(writer, batch);
      const values = fieldValues(config.plan, batch);
      for (let i = 0; i < batch.length; i++) {
        const key = batch.keys === null ? 0 : batch.keys[i]!;
        const t = batch.time[i]!;
        let s = perKey[key];
        if (s === undefined) s = perKey[key] = { acc: createScalarAcc(config.plan), minTime: Infinity, maxTime: -Infinity, fired: 0 };
        if (s.acc.count === 0) open++;
        addRow(s.acc, values, i, t);
        s.minTime = Math.min(s.minTime, t);
        s.maxTime = Math.max(s.maxTime, t);
        if (s.acc.count < config.size) continue;
        const results = config.plan.outputs.map((o) => scalarResult(s.acc, o));
        writeResult(writer, s.minTime, s.maxTime + 1, key, results, 0, s.maxTime, batch.watermark[i]!);
        ctx.trace?.({ type: 'fired', nodeId: ctx.nodeId, windowStart: s.minTime, windowEnd: s.maxTime + 1, watermark: batch.watermark[i]!, keys: key });
        resetScalarAcc(s.acc);
        s.minTime = Infinity;
        s.maxTime = -Infinity;
        s.fired++;
        open--;
      }
      if (ctx.trace !== null) traceRows(ctx, batch, identityRows(batch.length), [], tracer, emittedWatermark, null, keyTable);
      const moved = batch.endWatermark > emittedWatermark;
      emittedWatermark = Math.max(emittedWatermark, batch.endWatermark);
      if (pendingResults(writer) > 0 || moved) ctx.emit('out', takeResults(writer, emittedWatermark));
    },
    stats(): StateStats {
      return { keys: keyTable.values.length, openWindows: open, lateEvents: 0 };
    },
  };
}
