/**
 * Writes public/pipeline.schema.json from the zod schemas in src/model.
 * Run with `npm run schema` after changing the format; a unit test fails
 * while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPipelineJsonSchema } from '../src/model/jsonSchema';

const target = fileURLToPath(new URL('../public/pipeline.schema.json', import.meta.url));
writeFileSync(target, renderPipelineJsonSchema());
console.log(`wrote ${target}`);
