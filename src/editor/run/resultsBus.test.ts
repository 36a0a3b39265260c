import { describe, expect, it } from 'vitest';
import { chunkOf } from '../../charts/testing';
import { createResultsBus } from './resultsBus';

describe('results bus', () => {
  it('delivers chunks to the sink\'s listeners only', () => {
    const bus = createResultsBus();
    const got: string[] = [];
    bus.subscribe('a', (c) => got.push(`a:${c.length}`));
    bus.subscribe('b', (c) => got.push(`b:${c.length}`));
    bus.publish(1, 'running', [chunkOf([{ n: 1 }, { n: 2 }], 'a')]);
    expect(got).toEqual(['a:2']);
  });

  it('keeps the last run\'s results through Stop (a new idle run) and resets when the next run moves', () => {
    const bus = createResultsBus();
    const resets: number[] = [];
    bus.onReset((runId) => resets.push(runId));
    bus.publish(1, 'running', [chunkOf([{ n: 1 }], 'a')]);
    expect(resets).toEqual([1]);
    // Stop: the worker reloads, run 2 is idle and has delivered nothing.
    bus.publish(2, 'idle', []);
    bus.publish(2, 'idle', []);
    expect(resets).toEqual([1]);
    // Run again.
    bus.publish(2, 'running', []);
    expect(resets).toEqual([1, 2]);
    bus.publish(2, 'running', [chunkOf([{ n: 1 }], 'a')]);
    expect(resets).toEqual([1, 2]);
  });

  it('resets for a new run that steps (paused) or already delivered rows', () => {
    const bus = createResultsBus();
    const resets: number[] = [];
    bus.onReset((runId) => resets.push(runId));
    bus.publish(1, 'paused', []);
    bus.publish(2, 'finished', []);
    bus.publish(3, 'idle', [chunkOf([{ n: 1 }], 'a')]);
    expect(resets).toEqual([1, 2, 3]);
  });
});
