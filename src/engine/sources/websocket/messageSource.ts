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

/** How many dead letters the preview keeps, and how much of each text. */
const KEPT_DEAD_LETTERS = 5;
export const DEAD_LETTER_TEXT_LENGTH = 200;

function cut(text: string): string {
  return text.length <= DEAD_LETTER_TEXT_LENGTH ? text : `${text.slice(0, DEAD_LETTER_TEXT_LENGTH)}…`;
}

/** Creates the source a host feeds with WebSocket messages. */
export function createMessageSource(nodeId: string, spec: WebsocketSourceSpec): MessageSource {
  const queue = createEventQueue(spec.fields, spec.eventTime, spec.queueLimit);
  const watermarks = createWatermarkState(spec.boundMs);
  const reader: TimeReader = { format: spec.timeFormat === 'auto' ? null : spec.timeFormat };
  const row = new Float64Array(spec.fields.length);
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

  const held = snapshotMethods({ watermarks, reader, lastDeadLetters }, [], {
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
    },
    outputDicts: () => queue.dicts,
    offer(message: string): void {
      // A message after close belongs to a connection that has ended for this run.
      if (closed) return;
      messages++;
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
      if (closed && queue.size === 0) return null;
      return assignWatermarks(watermarks, queue.take(maxRows));
    },
    finalBatch(): Batch {
      return { ...queue.take(0), watermark: new Float64Array(0), endWatermark: Infinity, keys: null };
    },
    close(): void {
      closed = true;
    },
    stats(): MessageSourceStats {
      return { messages, queued: queue.size, dropped: queue.dropped, deadLetters, lastDeadLetters: [...lastDeadLetters] };
    },
  };
}
