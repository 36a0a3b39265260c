import { describe, expect, it } from 'vitest';
import { runProblems } from './runProblems';

describe('runProblems', () => {
  it('keeps the reasons only a run finds, under their node, and drops those the document lists already', () => {
    const listed = [{ nodeId: 'minute', path: 'nodes[2].params.size', message: "node 'minute': size must be a duration" }];
    const refusal = [
      { nodeId: 'minute', message: "node 'minute': size must be a duration" },
      { nodeId: 'taxi', message: "node 'taxi': has no data" },
      { nodeId: '', message: 'the worker could not start' },
    ];
    expect(runProblems(refusal, listed)).toEqual([
      { nodeId: 'taxi', path: '', message: "Can't run: has no data" },
      { path: '', message: "Can't run: the worker could not start" },
    ]);
    expect(runProblems([], listed)).toEqual([]);
  });
});
