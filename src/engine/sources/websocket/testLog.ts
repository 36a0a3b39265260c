/** Helpers for tests of the log mode: a spec, frames, and reading batches back. */
import type { Batch, Field } from '../../batch';
import type { WebsocketSourceSpec } from '../../plan/types';
import type { DictNames, DictsByName } from '../../snapshot/types';
import type { MessageSource } from './types';

export const LOG_FIELDS: Field[] = [
  { name: 'ts', type: 'time' },
  { name: 'p', type: 'number' },
  { name: 'o', type: 'number' },
];

export function logSpec(overrides: Partial<WebsocketSourceSpec> = {}, from = 'earliest', idleMs?: number): WebsocketSourceSpec {
  return {
    url: 'ws://localhost/topics/t', format: 'auto', fields: LOG_FIELDS, eventTime: 'ts', timeFormat: 'epochMillis', boundMs: 0, queueLimit: 10_000,
    log: { from, ...(idleMs === undefined ? {} : { idleMs }) }, ...overrides,
  };
}

export interface Msg { readonly partition: number; readonly offset: number; readonly ts: number }

/** A frame of the log's wire protocol; the value repeats partition and offset so a test can read them back. */
export const frame = (msgs: readonly Msg[]): string =>
  JSON.stringify(msgs.map((m) => ({ partition: m.partition, offset: m.offset, ts: m.ts, value: { ts: m.ts, p: m.partition, o: m.offset } })));

/** The (partition, offset, time, watermark) of every row of a batch. */
export function rowsOf(batch: Batch | null): { p: number; o: number; ts: number; wm: number }[] {
  if (batch === null) return [];
  const col = (name: string): Float64Array => (batch.columns[name] as { values: Float64Array }).values;
  return Array.from({ length: batch.length }, (_, i) => ({ p: col('p')[i]!, o: col('o')[i]!, ts: batch.time[i]!, wm: batch.watermark[i]! }));
}

/** Snapshot names for a source of number fields only (no dictionaries to name). */
export const NO_DICTS: DictNames & DictsByName = { nameOf: () => undefined, dictNamed: () => undefined };

/** Snapshot (through structuredClone, as checkpoints store it) into `into`. */
export function carry(from: MessageSource, into: MessageSource): void {
  into.restore!(structuredClone(from.snapshot!(NO_DICTS)), NO_DICTS);
}
