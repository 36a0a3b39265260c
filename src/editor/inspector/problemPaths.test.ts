import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model';
import { listLevelProblems, nodeLevelProblems, problemText, problemsUnder, rowProblems, withoutNodePrefix } from './problemPaths';

const p = (path: string, message: string): Problem => ({ nodeId: 'a', path, message });

describe('problem paths', () => {
  const problems = [
    p('nodes[2].params.size', "node 'a': size must be a duration like 30s or 5m, got '5 minutes'"),
    p('nodes[2].params.sizeLimit', "node 'a': sizeLimit is not a param"),
    p('nodes[2].params.aggregations[1].field', "node 'a': aggregations[1].field is required for fn 'avg'"),
    p('nodes[2].params.aggregations', "node 'a': aggregation 'hot': sum needs a number field, 'device' is string"),
    p('nodes[2].params.aggregations', "node 'a': aggregations needs at least 1 entry"),
    p('nodes[2]', "node 'a': has no input"),
  ];

  it('finds the problems at a param and below it, not at a param whose name starts the same', () => {
    expect(problemsUnder(problems, 'nodes[2].params.size').map((x) => x.path)).toEqual(['nodes[2].params.size']);
    expect(problemsUnder(problems, 'nodes[2].params.aggregations')).toHaveLength(3);
  });

  it('leaves the node-wide problems to the top of the inspector', () => {
    expect(nodeLevelProblems(problems, 2, ['size', 'aggregations']).map((x) => x.path)).toEqual(['nodes[2].params.sizeLimit', 'nodes[2]']);
  });

  it('gives a list row its own problems and those that name it', () => {
    const list = 'nodes[2].params.aggregations';
    expect(rowProblems(problems, list, 1, 'avg').map((x) => x.path)).toEqual(['nodes[2].params.aggregations[1].field']);
    expect(rowProblems(problems, list, 0, 'hot').map((x) => x.message)).toEqual([problems[3]!.message]);
    expect(listLevelProblems(problems, list, ['hot', 'avg']).map((x) => x.message)).toEqual(["node 'a': aggregations needs at least 1 entry"]);
  });

  it('says list rows the way the form names them, without the node', () => {
    expect(withoutNodePrefix("node 'w1': size must be longer than 0")).toBe('size must be longer than 0');
    expect(problemText('aggregate', "node 'a': aggregations[1].name 'total' is already used by aggregations[0]"))
      .toBe("Name of aggregation 2 'total' is already used by aggregation 1");
    expect(problemText('transform.map', "node 'm': fields[0].expr must not be empty")).toBe('Expression of computed field 1 must not be empty');
    expect(problemText('transform.keyBy', "node 'k': fields[1] 'x' is already used by fields[0]")).toBe("fields[1] 'x' is already used by fields[0]");
  });

  it('names the param a sentence starts with by its label, as the form does, so no "MaxSize" reaches the reader', () => {
    expect(problemText('window.cumulate', "node 'w': maxSize must be a whole multiple of step, got '25m' for step '10m'; try '20m' or '30m'"))
      .toBe("max size must be a whole multiple of step, got '25m' for step '10m'; try '20m' or '30m'");
    expect(problemText('window.tumbling', "node 'w': allowedLateness must not be negative, got '-1s'")).toBe("allowed lateness must not be negative, got '-1s'");
    expect(problemText('source.websocket', "node 's': url must start with ws://")).toBe('URL must start with ws://');
    // Only a param of that kind, and only as the sentence's first word.
    expect(problemText('window.tumbling', "node 'w': maxSize is not a param")).toBe('maxSize is not a param');
    expect(problemText('transform.filter', "node 'f': expr: column 1: unknown field 'x'")).toBe("condition: column 1: unknown field 'x'");
    expect(problemText('transform.keyBy', "node 'k': fields needs at least 1 entry")).toBe('key fields needs at least 1 entry');
    expect(problemText('sink.chart', "node 'c': y is empty: choose a field")).toBe('y field is empty: choose a field');
  });
});
