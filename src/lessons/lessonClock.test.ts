import { describe, expect, it } from 'vitest';
import { validate, type PipelineDocument } from '../model';
import { prepareLessonRun, runToEnd, stepUntil } from './lessonRun';

/** Two sensor streams (1 reading/s) into a union; `b` goes quiet after 5 readings for `quietFor`. */
function quietPair(quietFor: string, idleTimeout?: string): PipelineDocument {
  const params = { stream: 'sensors', rate: 1, keys: 1, limit: 30, startTime: 1_772_442_000_000, maxOutOfOrderness: '0s' };
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'Quiet pair',
    nodes: [
      { id: 'a', kind: 'source.sample', position: { x: 0, y: 0 }, params: { ...params, seed: 1 } },
      { id: 'b', kind: 'source.sample', position: { x: 0, y: 100 }, params: { ...params, seed: 2, quietAfter: 5, quietFor, ...(idleTimeout === undefined ? {} : { idleTimeout }) } },
      { id: 'u', kind: 'transform.union', position: { x: 200, y: 0 }, params: {} },
      { id: 'out', kind: 'sink.collect', position: { x: 400, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e1', from: 'a', to: 'u' }, { id: 'e2', from: 'b', to: 'u' }, { id: 'e3', from: 'u', to: 'out' }],
  });
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return checked.document;
}

function unionWatermarkAfter(doc: PipelineDocument, events: number): number {
  const prepared = prepareLessonRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems[0]?.message);
  stepUntil(prepared.pipeline, events);
  return prepared.pipeline.runtime.metrics().get('u')?.watermark ?? Number.NaN;
}

describe('the clock of a lesson run', () => {
  it('lets a quiet source fall silent while the other goes on, and an idle timeout release the union', () => {
    // After 25 events: b stopped at its 5th reading (4 s), a is at its 20th (19 s).
    const held = unionWatermarkAfter(quietPair('1m'), 25);
    const released = unionWatermarkAfter(quietPair('1m', '3s'), 25);
    expect(held).toBe(1_772_442_000_000 + 4000 - 1);
    expect(released).toBeGreaterThanOrEqual(1_772_442_000_000 + 15_000);
    // Deterministic: the same run twice gives the same watermark.
    expect(unionWatermarkAfter(quietPair('1m', '3s'), 25)).toBe(released);
  });

  it('jumps over a silence once only quiet sources are left, so even a day of it ends and every event is read', () => {
    const prepared = prepareLessonRun(quietPair('1d'));
    if (!prepared.ok) throw new Error(prepared.problems[0]?.message);
    runToEnd(prepared.pipeline);
    expect(prepared.pipeline.runtime.position).toBe(60);
    expect(prepared.pipeline.results.get('out')).toHaveLength(60);
  });
});
