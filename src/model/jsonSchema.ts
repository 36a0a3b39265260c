/**
 * The JSON Schema of the pipeline format, generated from the zod schemas so
 * the two cannot drift. Editors use it for completion and hover help;
 * `public/pipeline.schema.json` is the checked-in copy (`npm run schema`).
 */
import * as z from 'zod';
import { documentSchema } from './schema/document';

/**
 * The schema of a document as a person writes it (`io: "input"`), so
 * defaulted fields are optional. Cross-field rules (offset < size, unique
 * names, graph checks) are beyond JSON Schema and live in {@link validate}.
 */
export function pipelineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(documentSchema, { io: 'input', target: 'draft-2020-12' });
}

/** The exact text of `public/pipeline.schema.json`: two-space JSON and a final newline. */
export function renderPipelineJsonSchema(): string {
  return `${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`;
}
