import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pipelineJsonSchema, renderPipelineJsonSchema } from './jsonSchema';

const schemaPath = fileURLToPath(new URL('../../public/pipeline.schema.json', import.meta.url));

describe('public/pipeline.schema.json', () => {
  it('matches the zod schemas; run `npm run schema` when this fails', () => {
    const checkedIn = readFileSync(schemaPath, 'utf8');
    const fresh = renderPipelineJsonSchema();
    if (checkedIn !== fresh) {
      expect.fail('public/pipeline.schema.json is out of date with src/model: run `npm run schema` and commit the result');
    }
  });

  it('describes the input form: defaulted fields are optional and carry their default', () => {
    const text = JSON.stringify(pipelineJsonSchema());
    expect(text).toContain('"default":1000');
    expect(text).toContain('"additionalProperties":false');
    expect(pipelineJsonSchema()['required']).toEqual(['format', 'version', 'name', 'nodes', 'edges']);
  });
});
