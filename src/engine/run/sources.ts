import type { Batch, RowBlock } from '../batch';
import { copyColumns } from '../batch';
import { DEFAULT_EVENT_TIME_RANGE } from '../../model';
import { sliceRowBlock } from '../batchOps';
import { createSampleGenerator, sampleStreamFields } from '../sources/sample';
import { assignWatermarks, createWatermarkState } from '../watermark';
import type { PlanStep } from '../plan/types';
import { heldBoolean, heldNumber, snapshotMethods } from '../snapshot/operatorState';
import type { SourceRuntime } from './sourceRuntime';
import { columnDicts, sourceDicts, withDicts } from './sourceDicts';
import { createStreamedFileSource } from '../sources/file/stream/source';
import { emptyColumns, finalBatchFrom, reusedWatermarks } from './sourceBatches';

export type { SourceRuntime } from './sourceRuntime';

/** Creates the runtime of a source step. */
export function createSourceRuntime(step: Extract<PlanStep, { type: 'sampleSource' | 'fileSource' }>): SourceRuntime {
  if (step.type === 'sampleSource') {
    const generator = createSampleGenerator(step.params);
    const watermarks = createWatermarkState(step.params.maxOutOfOrdernessMs);
    const fields = sampleStreamFields(step.params.stream);
    // The generator's dictionaries from the start, so even a final batch before any block is coded in them.
    let template = withDicts(emptyColumns(fields), sourceDicts(fields, generator.dicts));
    const reused = reusedWatermarks();
    let ended = false;
    return {
      nodeId: step.nodeId,
      // The template is only ever the last block's columns, whose dictionaries are the generator's.
      ...snapshotMethods({ generator: generator.state, watermarks }, [], { ended: heldBoolean(() => ended, (e) => { ended = e; }) }),
      outputDicts: () => sourceDicts(fields, generator.dicts),
      next(maxRows: number, recycle = false): Batch | null {
        const generated = ended ? null : generator.next(maxRows, recycle);
        if (generated === null) return null;
        const block = endOfTime(generated, 3 * step.params.maxOutOfOrdernessMs + 1000);
        if (block.length < generated.length) ended = true;
        template = copyColumns(block.columns);
        return assignWatermarks(watermarks, block, recycle ? reused(block.length) : null);
      },
      finalBatch: () => finalBatchFrom(template),
    };
  }
  if (step.data.kind === 'stream') return createStreamedFileSource(step.nodeId, step.data, step.boundMs);
  return createBlockSource(step.nodeId, step.data.block, step.boundMs);
}

/**
 * The rows of a sample block before the first whose event time is past the
 * event-time range (a slow rate plays past the year 2300 in a few million
 * events): there the stream ends, as every source's events stay in range.
 * `delayMs` is the longest a shuffled event may trail the newest (the bound
 * plus the late span): while the last row is further than that from the end,
 * no row can be past it, and the block is not scanned.
 */
function endOfTime(block: RowBlock, delayMs: number): RowBlock {
  const time = block.time;
  const end = DEFAULT_EVENT_TIME_RANGE.end;
  if (block.length === 0 || time[block.length - 1]! + delayMs < end) return block;
  let i = 0;
  while (i < block.length && time[i]! < end) i++;
  return i === block.length ? block : sliceRowBlock(block, 0, i);
}

/**
 * A source that replays rows already in memory (a parsed file, or events a
 * benchmark generated beforehand), `maxRows` at a time as views of `block`
 * (no copy), with watermarks of bound `boundMs` assigned as it goes, exactly
 * as a generating source would.
 */
export function createBlockSource(nodeId: string, block: RowBlock, boundMs: number): SourceRuntime {
  const watermarks = createWatermarkState(boundMs);
  const reused = reusedWatermarks();
  let cursor = 0;
  return {
    nodeId,
    ...snapshotMethods({ watermarks }, [], { cursor: heldNumber(() => cursor, (c) => { cursor = c; }) }),
    outputDicts: () => columnDicts(block.columns),
    next(maxRows: number, recycle = false): Batch | null {
      if (cursor >= block.length) return null;
      const to = Math.min(block.length, cursor + maxRows);
      const batch = assignWatermarks(watermarks, sliceRowBlock(block, cursor, to), recycle ? reused(to - cursor) : null);
      cursor = to;
      return batch;
    },
    finalBatch: () => finalBatchFrom(copyColumns(block.columns)),
  };
}
