/**
 * The JSON Schema of the lesson format, generated from the zod schema so the
 * two cannot drift; `public/lesson.schema.json` is the checked-in copy
 * (`npm run schema`). The starting and solution pipelines refer to the
 * pipeline schema beside it.
 */
import * as z from 'zod';
import { lessonSchema } from './format';

/** Where the pipeline schema is, relative to the lesson schema (both in public/). */
export const PIPELINE_SCHEMA_REF = 'pipeline.schema.json';

/**
 * The schema of a lesson as a teacher writes it (`io: "input"`: defaulted
 * fields optional). References between its parts (a check's node in the
 * solution, unique task ids) are beyond JSON Schema: see validateLesson.
 */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(lessonSchema, { io: 'input', target: 'draft-2020-12' });
  const properties = schema.properties ?? {};
  properties['start'] = { $ref: PIPELINE_SCHEMA_REF, description: 'The pipeline the learner starts from, loaded as its own document.' };
  properties['solution'] = { $ref: PIPELINE_SCHEMA_REF, description: 'A pipeline that passes every check; shown as a difference from the start on request.' };
  return { ...schema, properties };
}

/** The exact text of `public/lesson.schema.json`: two-space JSON and a final newline. */
export function renderLessonJsonSchema(): string {
  return `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`;
}
