import type { Batch, Field } from '../batch';
import { captureKeys, createKeyTable } from './keyTable';
import type { AggregatePlan } from './plan';
import { addRow, createScalarAcc, scalarResult, type ScalarAcc } from './scalarAcc';
import { createResultWriter, rememberInputDicts, takeResults, writeResult } from './resultWriter';
import { fieldValues } from './values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { snapshotMethods } from '../snapshot/operatorState';

export interface RunningAggregateConfig {
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

/**
 * An aggregate without a window: a running result per key, emitted again on
 * every event with `revision` counting the updates (like a Flink SQL GROUP BY
 * without a window, which produces an updating table).
 */
export function createRunningAggregateOperator(config: RunningAggregateConfig, ctx: OperatorContext): Operator {
  const keyTable = createKeyTable(config.keyFields);
  const writer = createResultWriter(config.plan, keyTable, false);
  writer.reuseOutput = ctx.reuseOutputs === true;
  const perKey: (ScalarAcc | undefined)[] = [];
  const results = new Float64Array(config.plan.outputs.length);
  const snapshots = snapshotMethods({ keyTable, writer, perKey }, [config.plan, config.keyFields]);
  return {
    snapshot: snapshots.snapshot,
    restore: snapshots.restore,
    outputDicts: () => writer.outDicts,
    push(batch: Batch): void {
      captureKeys(keyTable, batch);
      rememberInputDicts(writer, batch);
      const values = fieldValues(config.plan, batch);
      const outputs = config.plan.outputs;
      for (let i = 0; i < batch.length; i++) {
        const key = batch.keys === null ? 0 : batch.keys[i]!;
        let acc = perKey[key];
        if (acc === undefined) acc = perKey[key] = createScalarAcc(config.plan);
        addRow(acc, values, i, batch.time[i]!);
        for (let o = 0; o < outputs.length; o++) results[o] = scalarResult(acc, outputs[o]!);
        writeResult(writer, 0, 0, key, results, acc.count - 1, batch.time[i]!, batch.watermark[i]!);
      }
      ctx.emit('out', takeResults(writer, batch.endWatermark));
    },
    stats(): StateStats {
      return { keys: keyTable.values.length, openWindows: 0, lateEvents: 0 };
    },
  };
}
