import { describe, expect, it } from 'vitest';
import { messagesOf, problemsOf, sensorPipeline, withParams } from './testing/fixtures';
import { validate } from './validate';

describe('validate: the document', () => {
  it('accepts the sample pipeline, when every rule holds', () => {
    expect(validate(sensorPipeline()).ok).toBe(true);
  });

  it.each([
    [null, 'the document must be an object, got null'],
    [42, 'the document must be an object, got 42'],
    [[1, 2], 'the document must be an object, got an array'],
    ['{}', "the document must be an object, got '{}'"],
  ])('says the document must be an object, when given %j', (input, message) => {
    expect(problemsOf(input)).toEqual([{ path: '', message }]);
  });

  it('names each missing top-level field, when given an empty object', () => {
    expect(messagesOf({})).toEqual([
      "format is required and must be 'windowpane.pipeline'",
      'version is required and must be 1',
      'name is required',
      'nodes is required',
      'edges is required',
    ]);
  });

  it('reports an unknown top-level key with a suggestion, when a key is misspelt', () => {
    expect(problemsOf({ ...sensorPipeline(), edgse: [] })).toEqual([
      {
        path: '',
        message: "the document has unknown key 'edgse' (did you mean 'edges'?); known keys are format, version, name, description, nodes and edges",
      },
    ]);
  });

  it('reports the wrong format tag with the value it got', () => {
    expect(messagesOf({ ...sensorPipeline(), format: 'other' })).toEqual([
      "format must be 'windowpane.pipeline', got 'other'",
    ]);
  });
});

describe('validate: nodes', () => {
  it('explains a bad duration by example, naming the node and the value', () => {
    expect(problemsOf(withParams('w', { size: '5 minutes' }))).toEqual([
      {
        nodeId: 'w',
        path: 'nodes[2].params.size',
        message: "node 'w': size must be a duration like 30s or 5m, got '5 minutes'",
      },
    ]);
  });

  it('explains a duration written as a number the same way', () => {
    expect(messagesOf(withParams('w', { size: 30 }))).toEqual([
      "node 'w': size must be a duration like 30s or 5m, got 30",
    ]);
  });

  it('rejects a window of length zero or less, and negative lateness', () => {
    expect(messagesOf(withParams('w', { size: '0', allowedLateness: '-1s' }))).toEqual([
      "node 'w': size must be longer than 0, got '0'",
      "node 'w': allowedLateness must not be negative, got '-1s'",
    ]);
  });

  it('says the offset must be smaller than the size, when it is not', () => {
    expect(problemsOf(withParams('w', { size: '1m', offset: '1m' }))).toEqual([
      {
        nodeId: 'w',
        path: 'nodes[2].params.offset',
        message: "node 'w': offset must be smaller than size, got '1m' for size '1m'",
      },
    ]);
    expect(messagesOf(withParams('w', { size: '1m', offset: '-90s' }))).toEqual([
      "node 'w': offset must be smaller than size ignoring its sign, got '-90s' for size '1m'",
    ]);
  });

  it('compares a hopping window offset with its slide', () => {
    const input = withParams('w', { size: '10m', slide: '1m', offset: '2m' });
    const document = input as { nodes: { kind: string }[] };
    const window = document.nodes[2];
    if (window) window.kind = 'window.hopping';
    expect(messagesOf(document)).toEqual(["node 'w': offset must be smaller than slide, got '2m' for slide '1m'"]);
  });

  it('names the kinds it knows, when a node has an unknown kind', () => {
    const document = sensorPipeline();
    document.nodes.push({ id: 'x', kind: 'window.sliding', params: {} } as never);
    const [first] = problemsOf(document);
    expect(first).toEqual({
      nodeId: 'x',
      path: 'nodes[6].kind',
      message: expect.stringMatching(/^node 'x': unknown kind 'window.sliding'; known kinds are source\.sample, .* and sink\.alert$/),
    });
  });

  it('suggests the closest kind, when the kind is a typo', () => {
    const document = sensorPipeline();
    document.nodes[2] = { id: 'w', kind: 'window.tumbing', params: { size: '1m' } } as never;
    expect(messagesOf(document)[0]).toMatch(/^node 'w': unknown kind 'window.tumbing' \(did you mean 'window.tumbling'\?\); known kinds are/);
  });

  it('says a kind is required, when a node has none', () => {
    const document = sensorPipeline();
    document.nodes.push({ id: 'x', params: {} } as never);
    expect(messagesOf(document)[0]).toMatch(/^node 'x': kind is required; known kinds are/);
  });

  it('reports unknown params keys with the known ones, when a key is misspelt', () => {
    expect(messagesOf(withParams('w', { size: '1m', alowedLateness: '1s' }))).toEqual([
      "node 'w': params has unknown key 'alowedLateness' (did you mean 'allowedLateness'?); known keys are size, offset, time and allowedLateness",
    ]);
  });

  it('says union and collect take no params, when given some', () => {
    expect(messagesOf(withParams('late', { what: 1 }))).toEqual([
      "node 'late': params has unknown key 'what'; it takes no keys",
    ]);
  });

  it('checks number ranges and whole numbers in source params', () => {
    expect(messagesOf(withParams('src', { stream: 'sensors', rate: 0, keys: 1.5, lateFraction: 2, limit: -1 }))).toEqual([
      "node 'src': rate must be at least 0.001, got 0",
      "node 'src': keys must be a whole number, got 1.5",
      "node 'src': limit must be at least 0, got -1",
      "node 'src': lateFraction must be at most 1, got 2",
    ]);
  });

  it('lists the allowed values, when an enum value is wrong', () => {
    expect(messagesOf(withParams('src', { stream: 'weather' }))).toEqual([
      "node 'src': stream must be one of 'sensors', 'clicks', 'payments', 'trades' and 'bids', got 'weather'",
    ]);
  });

  it('checks aggregations: field, q, unique and reserved names', () => {
    const aggregations = [
      { name: 'total', fn: 'sum' },
      { name: 'p', fn: 'percentile', field: 'temp' },
      { name: 'n', fn: 'count', q: 0.5 },
      { name: 'total', fn: 'count' },
      { name: 'revision', fn: 'max', field: 'temp' },
    ];
    expect(messagesOf(withParams('agg', { aggregations }))).toEqual([
      "node 'agg': aggregations[0].field is required for fn 'sum'",
      "node 'agg': aggregations[1].q is required for fn 'percentile': a number between 0 and 1, like 0.95",
      "node 'agg': aggregations[2].q is only for fn 'percentile', not 'count'",
      "node 'agg': aggregations[3].name 'total' is already used by aggregations[0]",
      "node 'agg': aggregations[4].name 'revision' is reserved for the output's own revision column; pick another name",
    ]);
  });

  it('says q must lie strictly between 0 and 1', () => {
    const aggregations = [{ name: 'p', fn: 'percentile', field: 'temp', q: 1 }];
    expect(messagesOf(withParams('agg', { aggregations }))).toEqual([
      "node 'agg': aggregations[0].q must be less than 1, got 1",
    ]);
  });

  it('needs at least one entry in lists that must not be empty', () => {
    expect(messagesOf(withParams('agg', { aggregations: [] }))).toEqual([
      "node 'agg': aggregations needs at least 1 entry",
    ]);
  });

  it('asks for a field where a field name is empty, without repeating the empty value back', () => {
    expect(messagesOf(withParams('k', { fields: [''] }))).toEqual(["node 'k': fields[0] is empty: choose a field"]);
    expect(messagesOf(withParams('agg', { aggregations: [{ name: 'avg_temp', fn: 'avg', field: '' }] }))).toEqual([
      "node 'agg': aggregations[0].field is empty: choose a field",
    ]);
  });

  it('checks ids against the id pattern, and labels a node without an id by index', () => {
    const document = sensorPipeline();
    document.nodes.push({ id: '9 lives', kind: 'sink.collect' }, { kind: 'sink.collect' } as never);
    const problems = problemsOf(document);
    expect(problems).toContainEqual({
      nodeId: '9 lives',
      path: 'nodes[6].id',
      message: "node '9 lives': id must start with a letter or _ and hold only letters, digits, _ and -, got '9 lives'",
    });
    expect(problems).toContainEqual({ path: 'nodes[7].id', message: 'nodes[7]: id is required' });
  });

  it('says a node must be an object, when it is not', () => {
    const document = { ...sensorPipeline(), nodes: [...sensorPipeline().nodes, 'sink'] };
    expect(messagesOf(document)).toEqual(["nodes[6] must be an object, got 'sink'"]);
  });
});

describe('validate: edges', () => {
  it('names the edge and the field, when an edge is malformed', () => {
    const document = sensorPipeline();
    document.edges.push({ id: 'e9', from: 'w', to: 'late', fromPort: 'side' } as never);
    expect(problemsOf(document)).toContainEqual({
      edgeId: 'e9',
      path: 'edges[5].fromPort',
      message: "edge 'e9': fromPort must be one of 'out' and 'late', got 'side'",
    });
  });
});

describe('validate: robustness', () => {
  it('reports a wrong type once, without checks that assume the right type', () => {
    const document = sensorPipeline();
    document.edges[0] = { id: 'e1', from: 'src', to: [] } as never;
    expect(messagesOf(document)).toEqual(["edge 'e1': to must be a string, got an empty array"]);
  });

  it('lists a handful of unknown keys and counts the rest', () => {
    const params = { size: '1m', a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 };
    expect(messagesOf(withParams('w', params))).toEqual([
      "node 'w': params has unknown keys 'a', 'b', 'c', 'd', 'e' and 2 more; known keys are size, offset, time and allowedLateness",
    ]);
  });

  it('reports several problems at once, shape and graph together', () => {
    const document = sensorPipeline();
    document.nodes[2] = { id: 'w', kind: 'window.tumbling', params: { size: '5 minutes' } };
    document.nodes[0] = { id: 'src', kind: 'source.sample', params: { stream: 'sensors', rate: -1 } };
    document.edges.push({ id: 'e6', from: 'snk', to: 'k' });
    document.edges.push({ id: 'e7', from: 'agg', to: 'nope' });
    expect(messagesOf(document)).toEqual([
      "node 'src': rate must be at least 0.001, got -1",
      "node 'w': size must be a duration like 30s or 5m, got '5 minutes'",
      "edge 'e6': node 'snk' has no output port 'out'; sink.log nodes have no output ports",
      "edge 'e7': node 'nope' does not exist",
      "node 'k': needs exactly one input edge, but has 2",
    ]);
  });

  it('treats __proto__ keys as unknown keys, never as prototypes', () => {
    const document = JSON.parse(
      '{"format":"windowpane.pipeline","version":1,"name":"p","nodes":[],"edges":[],"__proto__":{"polluted":true}}',
    ) as unknown;
    expect(messagesOf(document)).toEqual([
      "the document has unknown key '__proto__'; known keys are format, version, name, description, nodes and edges",
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts __proto__ as an id, since it matches the pattern, without confusing the graph', () => {
    const document = JSON.parse(JSON.stringify(sensorPipeline()).replaceAll('"snk"', '"__proto__"')) as unknown;
    expect(validate(document).ok).toBe(true);
  });

  it('answers for deeply nested input instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validate({ ...sensorPipeline(), name: deep }).ok).toBe(false);
    expect(validate(deep).ok).toBe(false);
  });

  it('turns a throwing getter deep inside into a problem', () => {
    const node = Object.defineProperty({ kind: 'sink.collect' }, 'id', {
      enumerable: true,
      get() {
        throw new Error('no id today');
      },
    });
    const document = { ...sensorPipeline(), nodes: [node] };
    expect(problemsOf(document)).toEqual([{ path: '', message: 'the document could not be checked: no id today' }]);
  });

  it('turns a throwing getter into a problem', () => {
    const hostile = Object.defineProperty({ ...sensorPipeline() }, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validate(hostile)).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'could not read the document: boom' }],
    });
  });
});
