/**
 * Records read back from the runs database cross a boundary: another
 * version of the app, a damaged database or a hand-edited one may have put
 * anything there. Each is checked here; one that does not fit is skipped
 * with a note naming the path, never shown half-read.
 */
import * as z from 'zod';
import type { RunResults, RunSummary } from './types';
import { FINAL_STATES } from './types';

const count = z.number().finite().min(0);
const text = z.string().max(10_000);

const nodeState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('retrying'), attempt: z.number(), maxAttempts: z.number(), nextAttemptAt: z.number(), message: text }),
  z.object({ state: z.literal('failed'), message: text }),
  z.object({ state: z.literal('completed') }),
]);

const summarySchema = z.object({
  format: z.literal('windowpane-run'),
  version: z.literal(1),
  id: z.string().min(1).max(200),
  documentId: text,
  documentName: text,
  pipelineVersion: text,
  startedAt: z.number().finite(),
  endedAt: z.number().finite().nullable(),
  updatedAt: z.number().finite(),
  state: z.enum(FINAL_STATES as [RunSummary['state'], ...RunSummary['state'][]]),
  reason: text,
  eventsIn: count,
  results: count,
  lateEvents: count,
  deadLetters: count,
  nodes: z.array(z.object({ id: text, name: text, kind: text, rowsIn: count, rowsOut: count, lateEvents: count, deadLetters: count, state: nodeState })).max(10_000),
  errors: z.array(z.object({ nodeId: text.nullable(), message: text })).max(1000),
});

const cell = z.union([z.number(), z.boolean(), z.string(), z.null()]);
const resultsSchema = z.object({
  id: z.string(),
  sinks: z.array(z.object({
    sinkId: text,
    name: text,
    received: count,
    cap: count,
    time: z.array(z.number()),
    columns: z.array(z.object({ name: text, type: z.enum(['number', 'time', 'boolean', 'string']), values: z.array(cell) })),
  }).refine((s) => s.columns.every((c) => c.values.length === s.time.length), 'every column must have a value per row')),
});

function pathOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'not a run record';
  const at = issue.path.length === 0 ? 'the record' : issue.path.map(String).join('.');
  return `at ${at}: ${issue.message}`;
}

/** The summary, or why it cannot be read. */
export function readSummary(value: unknown): { ok: true; summary: RunSummary } | { ok: false; why: string } {
  const parsed = summarySchema.safeParse(value);
  return parsed.success ? { ok: true, summary: parsed.data } : { ok: false, why: pathOf(parsed.error) };
}

/** A run's results, or why they cannot be read. */
export function readResults(value: unknown): { ok: true; results: RunResults } | { ok: false; why: string } {
  const parsed = resultsSchema.safeParse(value);
  return parsed.success ? { ok: true, results: parsed.data } : { ok: false, why: pathOf(parsed.error) };
}
