/**
 * A topic's description, stored as `topic.json` in its directory and checked
 * when read (a file edited by hand or cut short names what is wrong).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { SAMPLE_STREAMS, type SampleStreamName } from '../../src/engine/sources/sample';

/** Topic names: also directory names, so nothing a path could misread. */
export const TOPIC_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The field whose value picks a record's partition, per sample stream (its key: device, user, ...). */
export const KEY_FIELDS: ReadonlyMap<SampleStreamName, string> = new Map<SampleStreamName, string>([
  ['sensors', 'device'],
  ['clicks', 'user'],
  ['payments', 'card'],
  ['trades', 'symbol'],
  ['bids', 'auction'],
]);

const metaSchema = z.object({
  version: z.literal(1),
  name: z.string().regex(TOPIC_NAME),
  stream: z.enum(SAMPLE_STREAMS),
  partitions: z.int().min(1).max(256),
  /** The generator's params; `limit` null means a live topic, appended at `rate` as the server runs. */
  source: z.object({
    seed: z.int(),
    keys: z.int().min(1),
    rate: z.number().positive(),
    maxOutOfOrdernessMs: z.number().min(0),
    lateFraction: z.number().min(0).max(1),
    startTime: z.int(),
    limit: z.int().min(0).nullable(),
  }),
  /** A finite topic is complete once all its records were appended; one that is not was cut short and is refilled. */
  complete: z.boolean(),
  /** How many times a live topic's producer started (each start draws from seed + generation). */
  generation: z.int().min(0),
});

export type TopicMeta = z.output<typeof metaSchema>;

const metaPath = (dir: string): string => join(dir, 'topic.json');

/** Reads `dir/topic.json`; an error says what is wrong. */
export function readTopicMeta(dir: string): TopicMeta | { readonly error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath(dir), 'utf8'));
  } catch (error) {
    return { error: `${metaPath(dir)}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = metaSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${metaPath(dir)}: at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}` };
}

/** Writes `dir/topic.json` atomically (temporary file, fsync, rename). */
export function writeTopicMeta(dir: string, meta: TopicMeta): void {
  const path = metaPath(dir);
  const fd = openSync(`${path}.tmp`, 'w');
  try {
    writeSync(fd, JSON.stringify(meta, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}
