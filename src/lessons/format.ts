/**
 * The lesson format (ARCHITECTURE.md, "Lessons"): a versioned JSON document
 * like a pipeline. Built-in lessons (lessons/*.json) and teachers' lessons are
 * the same format. Text is a small Markdown subset (./markdown.ts) rendered as
 * React elements, never as HTML. Checks are declarative conditions on a run
 * of the learner's pipeline (./evaluate.ts measures them): never code.
 *
 * `start` and `solution` are pipeline documents; zod takes them as unknown
 * here and ./validateLesson.ts validates each with the pipeline validator, so
 * their problems carry paths like `start.nodes[2].params.size`.
 */
import * as z from 'zod';
import { strict } from '../model/schema/common';

export const LESSON_FORMAT = 'windowpane.lesson';
export const LESSON_VERSION = 1;

/** Ids of lessons and tasks: lowercase words joined by dashes (they appear in links). */
export const LESSON_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const idSchema = z.string().regex(LESSON_ID_PATTERN, 'must be lowercase letters, digits and dashes, starting with a letter or digit, at most 64 characters');

/** Markdown subset text: paragraphs, **bold**, *emphasis*, `code`, lists, and [links](https://...). */
const markdownSchema = z.string().min(1).max(4000);

const nodeIdSchema = z.string().min(1).max(200);

/** A condition on one field of a result row (all conditions of a `where` must hold). */
export const rowConditionSchema = strict({
  field: z.string().min(1).max(200),
  op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge']),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});
const whereSchema = z.array(rowConditionSchema).max(8).optional()
  .describe('Only rows for which every condition holds.');

/**
 * What a check or a prediction measures on the learner's pipeline. Run
 * measures run it (every source capped, see evaluate.ts); document measures
 * read it without running.
 */
export const measureSchema = z.discriminatedUnion('kind', [
  strict({ kind: z.literal('resultCount'), sink: nodeIdSchema, where: whereSchema })
    .describe('How many rows reached a sink.'),
  strict({
    kind: z.literal('resultValue'), sink: nodeIdSchema, field: z.string().min(1).max(200),
    reduce: z.enum(['min', 'max', 'sum', 'mean', 'first', 'last', 'distinct']), where: whereSchema,
  }).describe('One number (or text, for first/last) read from the rows that reached a sink; distinct counts different values.'),
  strict({ kind: z.literal('lateCount'), window: nodeIdSchema, where: whereSchema })
    .describe('How many events a window node sent to its late port (connected or not).'),
  strict({ kind: z.literal('watermark'), node: nodeIdSchema, afterEvents: z.int().min(0) })
    .describe('The watermark (epoch ms) at a node once the run has read this many events in all (one event per step); -Infinity reads as null.'),
  strict({ kind: z.literal('firstResultDelay'), window: nodeIdSchema })
    .describe('The largest delay, in ms of event time, of a window\'s first result: the newest event time the window node had read when the result came, minus the window\'s end; over the windows that fired before the input ended (null when none did).'),
  strict({ kind: z.literal('param'), node: nodeIdSchema, path: z.array(z.union([z.string().min(1), z.int().min(0)])).min(1).max(6), unit: z.literal('ms').optional() })
    .describe('A node parameter of the pipeline (its default when absent); unit ms reads a duration text as milliseconds.'),
  strict({ kind: z.literal('nodeCount'), nodeKind: z.string().min(1).optional() })
    .describe('How many nodes the pipeline has (of one kind).'),
  strict({ kind: z.literal('edgeCount'), from: nodeIdSchema.optional(), fromPort: z.enum(['out', 'late']).optional(), toKind: z.string().min(1).optional() })
    .describe('How many edges the pipeline has that match.'),
  strict({
    kind: z.literal('crashReplay'), sink: nodeIdSchema, crashAfterEvents: z.int().min(1), checkpointEvery: z.int().min(1),
    delivery: z.enum(['atLeastOnce', 'exactlyOnce']),
  }).describe('Rows at a sink that a crash after N events, then a resume from the last checkpoint, duplicated or lost, against an uninterrupted run (0: exactly once).'),
  strict({
    kind: z.literal('whatIf'), sink: nodeIdSchema, node: nodeIdSchema, param: z.string().min(1), value: z.union([z.string(), z.number()]),
  }).describe('How many results at a sink differ when one parameter is changed and the same input is replayed: each window (its bounds and key) whose rows changed, appeared or disappeared counts once; a row outside windows counts by its identity.'),
]);

export const checkSchema = strict({
  measure: measureSchema,
  op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge']),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  says: z.string().min(1).max(300).describe('The condition in words, as the learner reads it: "the late port is empty".'),
});

export const predictionSchema = strict({
  question: markdownSchema,
  measure: measureSchema,
  tolerance: z.number().min(0).default(0).describe('How far off a prediction may be and still count as right.'),
  on: z.enum(['start', 'solution']).default('start')
    .describe('The pipeline the prediction is about, and the one measured to answer it: the lesson\'s start (before any change) or its solution; never whatever the learner has built so far.'),
});

export const taskSchema = strict({
  id: idSchema,
  text: markdownSchema,
  checks: z.array(checkSchema).max(12).default([]),
  predict: predictionSchema.optional(),
  hints: z.array(markdownSchema).max(6).default([]),
});

export const stepSchema = strict({
  text: markdownSchema,
  /** The node whose timeline the step shows (a window node of the starting pipeline). */
  timeline: nodeIdSchema.optional(),
});

export const lessonSchema = strict({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(LESSON_VERSION),
  id: idSchema,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(400),
  /** Built-in lessons are listed by it; imported ones after them. */
  order: z.int().min(0).optional(),
  steps: z.array(stepSchema).min(1).max(20),
  start: z.unknown(),
  solution: z.unknown(),
  tasks: z.array(taskSchema).min(1).max(10),
});

export type RowCondition = z.output<typeof rowConditionSchema>;
export type Measure = z.output<typeof measureSchema>;
export type LessonCheck = z.output<typeof checkSchema>;
export type Prediction = z.output<typeof predictionSchema>;
export type LessonTask = z.output<typeof taskSchema>;
export type LessonStep = z.output<typeof stepSchema>;

/** A lesson that passed validation: its pipelines are validated documents. */
export type Lesson = Omit<z.output<typeof lessonSchema>, 'start' | 'solution'> & {
  readonly start: import('../model').PipelineDocument;
  readonly solution: import('../model').PipelineDocument;
};

/** A measured value: numbers (counts, ms, values), text, booleans; null when there is none (no rows, no watermark yet). */
export type MeasureValue = number | string | boolean | null;
