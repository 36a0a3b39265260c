import { describe, expect, it, vi } from 'vitest';
import { createPipelineWorker } from './pipelineWorker';
import { createFakeClock } from './testing/fakeClock';
import { sensorDocument } from './testing/documents';

// An operator with a bug: the worker must name it, survive, and run again after a stop.
vi.mock('../engine/operators/keyByOperator', () => ({
  createKeyByOperator: () => ({
    push() {
      throw new TypeError('cannot read the key column');
    },
  }),
}));

describe('a node that throws', () => {
  it('fails the run with the node and its message, and the worker runs again after a stop', () => {
    const clock = createFakeClock();
    const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    api.load(sensorDocument({ rate: 1000 }), false);
    api.start();
    clock.advance(100);
    const failed = api.drain();
    expect(failed.phase).toBe('failed');
    expect(failed.failure).toEqual({ nodeId: 'key', message: 'cannot read the key column' });
    clock.advance(1000);
    expect(clock.pending()).toBe(0);
    api.stop();
    expect(api.drain()).toMatchObject({ phase: 'idle', failure: null, runId: 2 });
    api.step('event');
    expect(api.drain().phase).toBe('failed');
    expect(api.load(sensorDocument({ rate: 10 }), false)).toEqual({ ok: true, runId: 3 });
  });
});
