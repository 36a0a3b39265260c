/**
 * What `windowpane validate` builds of the model's schemas: the params of the
 * node kinds its document holds and no others (src/model/schema/onDemand.ts),
 * so its start does not pay for the schemas of every kind (README, "Start time").
 * Each test loads the CLI and the model afresh.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NODE_KINDS } from '../src/model/kinds';

const root = resolve(import.meta.dirname, '..');

/** Validates `example` through the validate command as its bundle runs it; the exit code and the node kinds whose params were built. */
async function validateFresh(example: string): Promise<{ code: number | null; kindsBuilt: string[] }> {
  vi.resetModules();
  const [{ mainWith }, { validateCommand }, { memoryIo }, { builtSchemas }, { isNodeKind }] = await Promise.all([
    import('./program'),
    import('./validateCommand'),
    import('./testIo'),
    import('../src/model/schema/onDemand'),
    import('../src/model/kinds'),
  ]);
  const code = await mainWith(['validate', join(root, 'examples', example)], memoryIo(), { validate: validateCommand });
  return { code, kindsBuilt: builtSchemas().filter(isNodeKind).sort() };
}

/** The distinct node kinds of an example, sorted. */
function kindsOf(example: string): string[] {
  const document = JSON.parse(readFileSync(join(root, 'examples', example), 'utf8')) as { nodes: { kind: string }[] };
  return [...new Set(document.nodes.map((node) => node.kind))].sort();
}

describe('validate builds schemas on demand', () => {
  it.each(['card-spend.json', 'nyc-taxi-daily.json', 'live-sensor-dashboard.json'])('builds the params of the kinds %s holds, and no others', async (example) => {
    const { code, kindsBuilt } = await validateFresh(example);
    expect(code).toBe(0);
    expect(kindsBuilt).toEqual(kindsOf(example));
    // The example leaves kinds out, or the check would say nothing.
    expect(kindsBuilt.length).toBeLessThan(NODE_KINDS.length);
  });
});
