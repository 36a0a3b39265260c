/**
 * Writes public/pipeline.schema.json and public/lesson.schema.json from the
 * zod schemas in src/model and src/lessons. Run with `npm run schema` after
 * changing a format; a unit test fails while a checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPipelineJsonSchema } from '../src/model/jsonSchema';
import { renderLessonJsonSchema } from '../src/lessons/lessonJsonSchema';

for (const [file, render] of [['pipeline.schema.json', renderPipelineJsonSchema], ['lesson.schema.json', renderLessonJsonSchema]] as const) {
  const target = fileURLToPath(new URL(`../public/${file}`, import.meta.url));
  writeFileSync(target, render());
  console.log(`wrote ${target}`);
}
