import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ResultChunk } from '../../worker/protocol';
import type { TravelFrame } from '../../worker/travel/types';
import { initialRunState } from '../run/reducer';
import { createResultsBus } from '../run/resultsBus';
import type { RunState } from '../run/types';
import { followResults, type ChunkBuffer } from './travelledResults';

/** Rows of one number column `v`, emitted at the given positions, drained after `cuts` cuts. */
function chunk(values: number[], positions: number[], cuts = 0): ResultChunk {
  return {
    sinkId: 's', length: values.length, time: Float64Array.from(values), skipped: 0, cuts,
    columns: [{ name: 'v', type: 'number', values: Float64Array.from(values) }],
    positions: Float64Array.from(positions),
  };
}

/** A buffer that keeps the values it was given, as a table would. */
function recorder(): ChunkBuffer & { values: number[] } {
  const b = {
    values: [] as number[],
    ingest(c: ResultChunk) {
      const col = c.columns[0]!;
      if (col.type === 'number') b.values.push(...col.values);
    },
    clear() {
      b.values = [];
    },
  };
  return b;
}

function setup() {
  const results = createResultsBus();
  const store = createStore<RunState>()(() => ({ ...initialRunState, travel: { position: 0, head: 0, earliest: 0, cuts: 0, droppedAfter: 0 } }));
  const buffer = recorder();
  followResults({ results, store }, new Map([['s', buffer]]));
  const travel = (t: Partial<TravelFrame>): void => store.setState((s) => ({ travel: { ...s.travel!, ...t } }));
  return { results, buffer, travel };
}

describe('results as of the position on screen', () => {
  it('shows only the rows emitted by the position travelled to, and all of them back at the head', () => {
    const { results, buffer, travel } = setup();
    results.publish(1, 'running', [chunk([1, 2, 3], [100, 100, 200])]);
    results.publish(1, 'running', [chunk([4, 5], [300, 400])]);
    travel({ position: 400, head: 400 });
    expect(buffer.values).toEqual([1, 2, 3, 4, 5]);
    travel({ position: 250 });
    expect(buffer.values).toEqual([1, 2, 3]);
    travel({ position: 99 });
    expect(buffer.values).toEqual([]);
    // Rows drained late (emitted before the travel) wait for their position.
    results.publish(1, 'paused', [chunk([6], [450])]);
    travel({ position: 450, head: 450 });
    expect(buffer.values).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops the rows of a future the run dropped, keeping those of the new one drained with the news', () => {
    const { results, buffer, travel } = setup();
    results.publish(1, 'running', [chunk([1, 2, 3, 4], [100, 200, 300, 400])]);
    travel({ position: 400, head: 400 });
    travel({ position: 200 });
    expect(buffer.values).toEqual([1, 2]);
    // The run went on from 200: the frame's rows (cuts 1) come before the frame's travel figures.
    results.publish(1, 'running', [chunk([30], [300], 1)]);
    travel({ position: 300, head: 300, cuts: 1, droppedAfter: 200 });
    expect(buffer.values).toEqual([1, 2, 30]);
  });
});
