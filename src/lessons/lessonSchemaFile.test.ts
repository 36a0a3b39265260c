import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lessonJsonSchema, renderLessonJsonSchema } from './lessonJsonSchema';

const schemaPath = fileURLToPath(new URL('../../public/lesson.schema.json', import.meta.url));

describe('public/lesson.schema.json', () => {
  it('matches the zod schema; run `npm run schema` when this fails', () => {
    const checkedIn = readFileSync(schemaPath, 'utf8');
    if (checkedIn !== renderLessonJsonSchema()) {
      expect.fail('public/lesson.schema.json is out of date with src/lessons/format.ts: run `npm run schema` and commit the result');
    }
  });

  it('refers to the pipeline schema for both pipelines and lists every measure kind', () => {
    const schema = lessonJsonSchema();
    const properties = schema['properties'] as Record<string, { $ref?: string }>;
    expect(properties['start']?.$ref).toBe('pipeline.schema.json');
    expect(properties['solution']?.$ref).toBe('pipeline.schema.json');
    expect(schema['required']).toEqual(['format', 'version', 'id', 'title', 'summary', 'steps', 'start', 'solution', 'tasks']);
    const text = JSON.stringify(schema);
    for (const kind of ['resultCount', 'resultValue', 'lateCount', 'watermark', 'firstResultDelay', 'param', 'nodeCount', 'edgeCount', 'crashReplay', 'whatIf']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    // Defaulted fields are optional in the input form: a task needs no hints.
    expect(text).toContain('"default":0');
  });
});
