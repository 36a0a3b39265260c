/**
 * The source behind `source.websocket`: its host (the worker's WebSocket, the
 * CLI's ws client) offers message texts; the runtime pulls queued events as
 * batches with watermarks. Nothing a server sends can stop the pipeline: what
 * cannot be read is a dead letter, counted, with the last few kept to show.
 */
import type { Batch } from '../../batch';
import type { WebsocketSourceSpec } from '../../plan/types';
import { DEFAULT_EVENT_TIME_RANGE } from '../../../model';
import { assignWatermarks, createWatermarkState } from '../../watermark';
import { createEventQueue } from './eventQueue';
import { parseMessage } from './parseMessage';
import { readRecord, type TimeReader } from './readRecord';
import { heldBoolean, heldNumber, snapshotMethods } from '../../snapshot/operatorState';
import type { DeadLetter, MessageSource, MessageSourceStats } from './types';
import { newColumns, type Field } from '../../batch';
import { parseLogFrame } from './logFrame';
import { createLogOffsets } from './logOffsets';
import { createPartitionWatermarks } from './partitionWatermarks';

/** How many dead letters the preview keeps, and how much of each text. */
const KEPT_DEAD_LETTERS = 5;
export const DEAD_LETTER_TEXT_LENGTH = 200;

function cut(text: string): string {
  return text.length <= DEAD_LETTER_TEXT_LENGTH ? text : `${text.slice(0, DEAD_LETTER_TEXT_LENGTH)}…`;
}

/** In log mode the queue keeps each event's partition in this extra column (no field name can be empty). */
const PARTITION: Field = { name: '', type: 'number' };

/**
 * Creates the source a host feeds with WebSocket messages; `clock` (ms, any
 * origin; the runtime's host clock) tells a log's idle partitions, and a
 * clock that stands still (the default) never finds one idle.
 */
export function createMessageSource(nodeId: string, spec: WebsocketSourceSpec, clock: () => number = () => 0): MessageSource {
  const log = spec.log;
  const queue = createEventQueue(log === undefined ? spec.fields : [...spec.fields, PARTITION], spec.eventTime, spec.queueLimit);
  const watermarks = createWatermarkState(spec.boundMs);
  const reader: TimeReader = { format: spec.timeFormat === 'auto' ? null : spec.timeFormat };
  const row = new Float64Array(spec.fields.length + 1);
  const offsets = createLogOffsets(log?.from ?? 'earliest');
  const partitioned = createPartitionWatermarks(spec.boundMs, log?.idleMs, clock);
  // Partitions named by the start are the log's: they hold the watermark from the first batch.
  partitioned.expect(offsets.next.keys());
  const pendingDiagnostics: string[] = [];
  let duplicates = 0;
  /** The queue was full: records were left unread (their offsets not advanced) until the host reconnects from position(). */
  let overflowed = false;
  /** Set by the host when its retries are used up: the next pull fails the run on this node. */
  let failure: string | null = null;
  const range = spec.timeRange ?? DEFAULT_EVENT_TIME_RANGE;
  const lastDeadLetters: DeadLetter[] = [];
  let messages = 0;
  let deadLetters = 0;
  let accepted = 0;
  const limit = spec.limit ?? Infinity;
  let closed = limit <= 0;

  function deadLetter(text: string, reason: string): void {
    deadLetters++;
    lastDeadLetters.push({ text: cut(text), reason, message: messages });
    if (lastDeadLetters.length > KEPT_DEAD_LETTERS) lastDeadLetters.shift();
  }

  /** Log mode: one frame of LogMessage, each read once, in offset order per partition. */
  function offerLog(text: string): void {
    const frame = parseLogFrame(text);
    for (const r of frame.refused) deadLetter(r.text, r.reason);
    const now = clock();
    for (const m of frame.messages) {
      const verdict = offsets.judge(m.partition, m.offset);
      if (verdict.kind === 'duplicate') {
        duplicates++;
        continue;
      }
      if (verdict.kind === 'gap') {
        // After an overflow the rest of the stream was left unread on purpose: the reconnect reads it again.
        if (overflowed) continue;
        pendingDiagnostics.push(`partition ${m.partition}: offsets ${verdict.expected} to ${m.offset - 1} are missing from the log (expected offset ${verdict.expected}, received ${m.offset})`);
      }
      if (queue.size >= spec.queueLimit) {
        // Dropping would lose offsets for good; leave it unread and let the host reconnect from position().
        overflowed = true;
        continue;
      }
      overflowed = false;
      offsets.advance(m.partition, m.offset);
      partitioned.heard(m.partition, now);
      const read = readRecord(m.value, spec.fields, spec.eventTime, reader, queue.dicts, row, range);
      if (!read.ok) {
        deadLetter(JSON.stringify(m.value), `partition ${m.partition} offset ${m.offset}: ${read.reason}`);
        continue;
      }
      row[spec.fields.length] = m.partition;
      queue.push(read.time, row);
      if (++accepted >= limit) {
        closed = true;
        return;
      }
    }
  }

  const held = snapshotMethods({ watermarks, reader, lastDeadLetters, log: { next: offsets.next, ...partitioned.state } }, [], {
    duplicates: heldNumber(() => duplicates, (n) => { duplicates = n; }),
    overflowed: heldBoolean(() => overflowed, (b) => { overflowed = b; }),
    messages: heldNumber(() => messages, (n) => { messages = n; }),
    deadLetters: heldNumber(() => deadLetters, (n) => { deadLetters = n; }),
    accepted: heldNumber(() => accepted, (n) => { accepted = n; }),
    closed: heldBoolean(() => closed, (c) => { closed = c; }),
  });
  return {
    nodeId,
    // What arrived and waits in the queue is state too (the host replays what comes after from its log).
    snapshot: (names) => ({ source: held.snapshot(names), queue: queue.snapshot(names) }),
    restore(state, dicts) {
      const s = state as { source?: unknown; queue?: unknown };
      held.restore(s.source, dicts);
      queue.restore(s.queue, dicts);
      partitioned.forgetSilence();
    },
    outputDicts: () => queue.dicts,
    offer(message: string): void {
      // A message after close belongs to a connection that has ended for this run.
      if (closed) return;
      messages++;
      if (log !== undefined) {
        offerLog(message);
        return;
      }
      const parsed = parseMessage(message, spec.format);
      for (const r of parsed.refused) deadLetter(r.text, r.reason);
      for (const record of parsed.records) {
        const read = readRecord(record, spec.fields, spec.eventTime, reader, queue.dicts, row, range);
        if (!read.ok) {
          deadLetter(JSON.stringify(record), read.reason);
          continue;
        }
        queue.push(read.time, row);
        // A limited source (the CLI's --limit) ends at exactly its limit, mid-message if need be.
        if (++accepted >= limit) {
          closed = true;
          return;
        }
      }
    },
    next(maxRows: number): Batch | null {
      if (failure !== null) throw new Error(failure);
      if (closed && queue.size === 0) return null;
      if (log === undefined) return assignWatermarks(watermarks, queue.take(maxRows));
      const block = queue.take(maxRows);
      const columns = newColumns();
      for (const f of spec.fields) columns[f.name] = block.columns[f.name]!;
      const partitions = block.columns[PARTITION.name] as { values: Float64Array };
      return partitioned.assign({ ...block, columns }, partitions.values);
    },
    finalBatch(): Batch {
      return { ...queue.take(0), watermark: new Float64Array(0), endWatermark: Infinity, keys: null };
    },
    close(): void {
      closed = true;
    },
    stats(): MessageSourceStats {
      const base = { messages, queued: queue.size, dropped: queue.dropped, deadLetters, lastDeadLetters: [...lastDeadLetters] };
      return log === undefined ? base : { ...base, duplicates, position: offsets.position(), overflowed };
    },
    position: () => (log === undefined ? null : offsets.position()),
    fail(message) {
      failure = message;
    },
    expectPartitions(partitions) {
      if (log !== undefined) partitioned.expect(partitions);
    },
    takeDiagnostics: () => pendingDiagnostics.splice(0),
  };
}
