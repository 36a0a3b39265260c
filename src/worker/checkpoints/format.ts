/**
 * A checkpoint of a run in the app, as IndexedDB keeps it beside its
 * document: the runtime's snapshot (every operator's and source's state,
 * the sources' positions and watermarks), the run position (events read),
 * and every sink's contents and output position as of then (the keyed
 * sinks, ../../engine/checkpoint/keyedSinks.ts), so a resumed run's tables
 * show exactly what an uninterrupted run's show.
 *
 * What comes back from storage is hostile input: `checkCheckpoint` checks its
 * shape (with the path of what is wrong) and its versions before anything is
 * restored, and says in a sentence why it cannot be used.
 */
import { z } from 'zod';
import { CURRENT_VERSION, formatPath } from '../../model';
import type { RuntimeSnapshot } from '../../engine/run/runtimeSnapshot';
import { SNAPSHOT_FORMAT } from '../../engine/run/runtimeSnapshot';
import type { ResultChunk } from '../protocol';

/** Bumped whenever a checkpoint's shape changes: an older one is refused with a message, not misread. */
export const CHECKPOINT_FORMAT = 1;

/** Why a checkpoint was taken. */
export type CheckpointReason = 'interval' | 'pause' | 'stop';

/** One sink as of the checkpoint: its output position and the newest results it holds (up to its view's cap). */
export interface SinkContents {
  readonly sinkId: string;
  readonly produced: number;
  readonly rows: ResultChunk;
}

export interface Checkpoint {
  readonly format: number;
  /** The pipeline document format version of the app that took it (CURRENT_VERSION). */
  readonly documentVersion: number;
  /** pipelineVersion(doc) of the document run. */
  readonly pipelineVersion: string;
  readonly documentId: string;
  /** Wall-clock epoch ms when it was taken. */
  readonly takenAt: number;
  readonly reason: CheckpointReason;
  /** Events read from all sources (the run position). */
  readonly events: number;
  /** The lowest source watermark then (-Infinity before the first). */
  readonly watermark: number;
  readonly runtime: RuntimeSnapshot;
  /** Rows each window sent to its late port (the badges' counts). */
  readonly lateRows: readonly (readonly [string, number])[];
  readonly sinks: readonly SinkContents[];
}

/** What a checkpoint is checked against: the document it would resume. */
export interface CheckpointExpectation {
  readonly pipelineVersion: string;
}

export type CheckpointProblem = 'corrupt' | 'format' | 'documentVersion' | 'pipeline';

export type CheckpointCheck =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly problem: CheckpointProblem; readonly message: string; readonly takenAt: number | null };

const chunkColumn = z.discriminatedUnion('type', [
  z.object({ name: z.string(), type: z.enum(['number', 'time']), values: z.instanceof(Float64Array) }),
  z.object({ name: z.string(), type: z.literal('boolean'), values: z.instanceof(Uint8Array) }),
  z.object({ name: z.string(), type: z.literal('string'), values: z.array(z.string().nullable()) }),
]);

const count = z.number().int().nonnegative();
/** Any number: watermarks are -Infinity before the first and +Infinity at the end (zod's number refuses both). */
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'expected a number');

const resultChunk = z.object({
  sinkId: z.string(),
  length: count,
  time: z.instanceof(Float64Array),
  columns: z.array(chunkColumn),
  skipped: count,
  positions: z.instanceof(Float64Array).optional(),
}).superRefine((chunk, ctx) => {
  const lengths: [string, number][] = [['time', chunk.time.length], ...chunk.columns.map((c): [string, number] => [`a column '${c.name}'`, c.values.length])];
  if (chunk.positions !== undefined) lengths.push(['positions', chunk.positions.length]);
  for (const [what, n] of lengths) if (n !== chunk.length) ctx.addIssue({ code: 'custom', message: `${what} has ${n} values where the chunk has ${chunk.length} rows` });
});

const pair = <T extends z.ZodType>(value: T) => z.tuple([z.string(), value]);

/** The runtime snapshot's outline; its contents are checked by Runtime.restore (it refuses another plan's). */
const runtimeSnapshot = z.object({
  format: z.number(),
  plan: z.object({ hash: z.string(), lines: z.array(z.string()) }),
  dicts: z.array(pair(z.array(z.string()))),
  nodes: z.array(pair(z.unknown())),
  ended: z.array(z.string()),
  metrics: z.array(pair(z.object({ rowsIn: count, rowsOut: count, watermark: anyNumber, keys: count, openWindows: count, lateEvents: count }))),
  idle: z.unknown(),
});

const checkpointSchema = z.object({
  format: z.number(),
  documentVersion: z.number(),
  pipelineVersion: z.string(),
  documentId: z.string(),
  takenAt: z.number().finite(),
  reason: z.enum(['interval', 'pause', 'stop']),
  events: count,
  watermark: anyNumber,
  runtime: runtimeSnapshot,
  lateRows: z.array(pair(count)),
  sinks: z.array(z.object({ sinkId: z.string(), produced: count, rows: resultChunk })),
});

/** "12:03:41" in the page's time zone. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The `takenAt` of something that looks a little like a checkpoint, for the message about it. */
function takenAtOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'takenAt')) return null;
  const at = (value as { takenAt: unknown }).takenAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/** Checks a stored value before it is restored: its shape first, then its versions against this app and `expected`. Never throws. */
export function checkCheckpoint(value: unknown, expected: CheckpointExpectation): CheckpointCheck {
  try {
    return checkShape(value, expected);
  } catch (error) {
    // A value that throws when read (a getter, a proxy) is as unusable as a damaged one.
    return { ok: false, problem: 'corrupt', takenAt: null, message: `The checkpoint is damaged and cannot be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

function checkShape(value: unknown, expected: CheckpointExpectation): CheckpointCheck {
  const takenAt = takenAtOf(value);
  const format = typeof value === 'object' && value !== null && Object.hasOwn(value, 'format') ? (value as { format: unknown }).format : undefined;
  // Another format is said as such even when its shape differs: that is why it differs.
  if (typeof format === 'number' && format !== CHECKPOINT_FORMAT) {
    return { ok: false, problem: 'format', takenAt, message: `The checkpoint is of format ${format}; this version of Windowpane reads format ${CHECKPOINT_FORMAT}.` };
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = formatPath(issue.path);
    return { ok: false, problem: 'corrupt', takenAt, message: `The checkpoint is damaged and cannot be read (${at === '' ? '' : `at ${at}: `}${issue.message}).` };
  }
  const checkpoint = parsed.data as Checkpoint;
  if (checkpoint.runtime.format !== SNAPSHOT_FORMAT) {
    return { ok: false, problem: 'format', takenAt, message: `The checkpoint holds run state of format ${checkpoint.runtime.format}; this version of Windowpane reads format ${SNAPSHOT_FORMAT}.` };
  }
  if (checkpoint.documentVersion !== CURRENT_VERSION) {
    return { ok: false, problem: 'documentVersion', takenAt, message: `The checkpoint was taken of a pipeline of format version ${checkpoint.documentVersion}; this version of Windowpane runs version ${CURRENT_VERSION}.` };
  }
  if (checkpoint.pipelineVersion !== expected.pipelineVersion) {
    return { ok: false, problem: 'pipeline', takenAt, message: `The pipeline changed since the checkpoint of ${clockTime(checkpoint.takenAt)} was taken (a node, a parameter or an edge): its state belongs to the pipeline as it was then.` };
  }
  return { ok: true, checkpoint };
}
