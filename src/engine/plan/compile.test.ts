import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/documents';
import { compilePipeline } from './compile';

const sensors = { id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } };

describe('compilePipeline', () => {
  it('propagates fields and types along every edge', () => {
    const doc = pipeline([
      sensors,
      { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'hot', expr: 'temperature > 30' }, { name: 'label', expr: 'upper(device)' }], keep: false } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const r = compilePipeline(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.edgeSchemas.get('e0')?.fields).toEqual([
      { name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }, { name: 'humidity', type: 'number' },
    ]);
    expect(r.plan.edgeSchemas.get('e1')).toEqual({ fields: [{ name: 'hot', type: 'boolean' }, { name: 'label', type: 'string' }], keys: null });
  });

  it('carries key fields through filter and map, and gives an aggregate its result schema', () => {
    const doc = pipeline([
      sensors,
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
      { id: 'f', kind: 'transform.filter', params: { expr: 'humidity < 90' } },
      { id: 'w', kind: 'window.tumbling', params: { size: '10s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'hi', fn: 'max', field: 'temperature' }, { name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const r = compilePipeline(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.edgeSchemas.get('e2')?.keys).toEqual([{ name: 'device', type: 'string' }]);
    expect(r.plan.edgeSchemas.get('e4')?.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'window_start:time', 'window_end:time', 'device:string', 'hi:number', 'n:number', 'revision:number',
    ]);
  });

  it('compiles a CUMULATE window into a cumulative sliced window: slices one step long, periods maxSize long', () => {
    const doc = pipeline([
      sensors,
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
      { id: 'w', kind: 'window.cumulate', params: { step: '1h', maxSize: '1d', offset: '-5h', allowedLateness: '30s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const r = compilePipeline(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const step = r.plan.steps.find((s) => s.type === 'windowAggregate');
    expect(step?.type === 'windowAggregate' && step.window).toEqual({ type: 'sliced', size: 86_400_000, slide: 3_600_000, offset: -18_000_000, lateness: 30_000, processingTime: false, cumulative: true });
    expect(r.plan.edgeSchemas.get('e3')?.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['window_start:time', 'window_end:time', 'device:string', 'n:number', 'revision:number']);
  });

  it('reports an expression naming an unknown field as an error on that node, with the column', () => {
    const doc = pipeline([sensors, { id: 'f', kind: 'transform.filter', params: { expr: 'temprature > 3' } }, { id: 'out', kind: 'sink.collect' }]);
    const r = compilePipeline(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ nodeId: 'f', path: 'nodes[1].params.expr', message: expect.stringMatching(/^node 'f': expr: column 1: unknown field 'temprature' \(did you mean 'temperature'\?\)/) as string }]);
  });

  it('reports problems of several nodes at once, and skips nodes after a broken one', () => {
    const doc = pipeline([
      sensors,
      { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'x', expr: 'nope + 1' }, { name: 'y', expr: 'len(3)' }] } },
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['whatever'] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const r = compilePipeline(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['nodes[1].params.fields[0].expr', 'nodes[1].params.fields[1].expr']);
  });

  it('refuses aggregations over a missing field or of the wrong type', () => {
    const doc = pipeline([
      sensors,
      { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 's', fn: 'sum', field: 'device' }, { name: 'm', fn: 'avg', field: 'pressure' }] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const r = compilePipeline(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      "node 'a': aggregation 's': sum needs a number field, 'device' is string",
      "node 'a': aggregation 'm': unknown field 'pressure' (fields here: ts, device, temperature, humidity)",
    ]);
  });

  it('refuses a union of streams with different fields', () => {
    const doc = pipeline(
      [sensors, { id: 'pay', kind: 'source.sample', params: { stream: 'payments', limit: 10 } }, { id: 'u', kind: 'transform.union' }, { id: 'out', kind: 'sink.collect' }],
      [{ from: 'src', to: 'u' }, { from: 'pay', to: 'u' }, { from: 'u', to: 'out' }],
    );
    const r = compilePipeline(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^node 'u': every input of a union needs the same fields/);
  });

  it('asks for data when a file source has none', () => {
    const doc = pipeline([{ id: 'f', kind: 'source.file', params: { eventTime: 'ts' } }, { id: 'out', kind: 'sink.collect' }]);
    const r = compilePipeline(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toBe("node 'f': has no data: give it a file, or put its text in params.data");
    // Each host says how its user gives the file (the CLI's --input, the app's Choose file).
    const cli = compilePipeline(doc, { missingDataHint: 'give the file with --input FILE' });
    if (!cli.ok) expect(cli.problems[0]?.message).toBe("node 'f': has no data: give the file with --input FILE");
    expect(cli.ok).toBe(false);
    // The app's hint names the file the source wants, when it names one.
    const hint = (fileName: string | null) => `choose ${fileName ?? 'a file'}`;
    const named = compilePipeline(pipeline([{ id: 'f', kind: 'source.file', params: { eventTime: 'ts', fileName: 'taxi.csv' } }, { id: 'out', kind: 'sink.collect' }]), { missingDataHint: hint });
    expect(named.ok ? [] : named.problems).toEqual([{ nodeId: 'f', path: 'nodes[0].params.data', message: "node 'f': has no data: choose taxi.csv" }]);
    const unnamed = compilePipeline(doc, { missingDataHint: hint });
    expect(unnamed.ok ? [] : unnamed.problems.map((p) => p.message)).toEqual(["node 'f': has no data: choose a file"]);
  });

  it('reads a file source\'s data by node id as data, even for ids Object.prototype also has', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const doc = pipeline([{ id, kind: 'source.file', params: { eventTime: 'ts' } }, { id: 'out', kind: 'sink.collect' }]);
      // Data for another node only: the inherited name must not pass for this node's data.
      const none = compilePipeline(doc, { fileInputs: { other: 'ts\n1\n' } });
      expect(none.ok, id).toBe(false);
      if (!none.ok) expect(none.problems[0]?.message).toBe(`node '${id}': has no data: give it a file, or put its text in params.data`);
      expect(compilePipeline(doc, { fileInputs: { other: 'ts\n1\n' }, allowMissingFileData: true }).ok, id).toBe(true);
      expect(compilePipeline(doc, { fileInputs: Object.fromEntries([[id, 'ts,v\n1,2\n']]) }).ok, id).toBe(true);
    }
  });
});
