/**
 * Each node kind's params schema is built when a document first needs it,
 * not when the model loads: what keeps `windowpane validate`'s start short
 * (README, "Start time"). Each test loads the model afresh, so what it sees
 * built is what that test's work built.
 */
import { describe, expect, it, vi } from 'vitest';
import { isNodeKind } from '../kinds';

/** A fresh model: its validate and what it has built so far. */
async function freshModel() {
  vi.resetModules();
  const [{ validate }, { builtSchemas }, { sensorPipeline }, document] = await Promise.all([
    import('../validate'),
    import('./onDemand'),
    import('../testing/fixtures'),
    import('./document'),
  ]);
  const kindsBuilt = () => builtSchemas().filter(isNodeKind);
  return { validate, builtSchemas, kindsBuilt, sensorPipeline, nodeSchema: document.nodeSchema };
}

describe('params schemas built on demand', () => {
  it('are not built when the model loads', async () => {
    const { builtSchemas } = await freshModel();
    expect(builtSchemas()).toEqual([]);
  });

  it('leave a small, fixed number of zod objects for the model to make when it loads', async () => {
    await import('zod');
    vi.resetModules();
    // zod gives each schema and check its internals with Object.defineProperty(inst, '_zod', ...).
    let made = 0;
    const define = Object.defineProperty;
    const spy = vi.spyOn(Object, 'defineProperty').mockImplementation((target, key, descriptor) => {
      if (key === '_zod') made++;
      return define(target, key, descriptor);
    });
    try {
      await import('../index');
    } finally {
      spy.mockRestore();
    }
    // 0 would mean the probe no longer sees zod's constructions: update it rather than the bound.
    expect(made).toBeGreaterThan(50);
    // Building every kind at load made 503 for 17 kinds; the envelope, the shared pieces and a lazy node per kind
    // (about 6 objects each) made about 170 then, and 227 with the 26 kinds of issue 18.
    expect(made).toBeLessThan(260);
  });

  it('are built for the kinds a validated document holds, and for no other kind', async () => {
    const { validate, kindsBuilt, sensorPipeline } = await freshModel();
    expect(validate(sensorPipeline()).ok).toBe(true);
    expect(kindsBuilt().sort()).toEqual(['aggregate', 'sink.collect', 'sink.log', 'source.sample', 'transform.keyBy', 'window.tumbling']);
  });

  it('are built for a kind whose node has invalid params, with the same problems as before', async () => {
    const { validate, kindsBuilt, sensorPipeline } = await freshModel();
    const result = validate({ ...sensorPipeline(), nodes: [{ id: 'f', kind: 'source.file', params: { eventTime: 'ts', delimiter: ';;', sizee: 1 } }], edges: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "nodes[0].params.delimiter: node 'f': delimiter must be at most 1 characters long, got ';;'",
      "nodes[0].params: node 'f': params has unknown key 'sizee'; known keys are format, eventTime, timeFormat, maxOutOfOrderness, data, fileName, stored, fields, delimiter, earliestYear, latestYear and idleTimeout",
    ]);
    expect(kindsBuilt()).toEqual(['source.file']);
  });

  it('are built once, whoever asks: a second document and the union itself reuse them', async () => {
    const { validate, builtSchemas, sensorPipeline, nodeSchema } = await freshModel();
    validate(sensorPipeline());
    const afterFirst = [...builtSchemas()];
    validate(sensorPipeline());
    nodeSchema.safeParse({ id: 'w', kind: 'window.tumbling', params: { size: '1s' } });
    expect(builtSchemas()).toEqual(afterFirst);
    expect(new Set(afterFirst).size).toBe(afterFirst.length);
  });

  it('are all built for a reader that lists every kind (the inspector), each once', async () => {
    const { builtSchemas, kindsBuilt, nodeSchema } = await freshModel();
    for (const option of nodeSchema.def.options) option.safeParse({});
    expect(kindsBuilt()).toHaveLength(nodeSchema.def.options.length);
    expect(new Set(builtSchemas()).size).toBe(builtSchemas().length);
  });
});
