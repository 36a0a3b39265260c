import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../operators/sinks';
import { preparePipeline, runPipeline } from '../run/runPipeline';
import { ndjsonData, pipeline } from '../testing/documents';

/**
 * The alert sink end to end through the engine: records are inline NDJSON in
 * a file source (arrival order as written), optionally keyed by `k`, with a
 * boolean `bad` the default-like rule reads. The watermark with bound 0 is the
 * largest event time seen before a record; an alert resolves once it reaches
 * last_time + resolveAfter.
 */
interface Ev {
  readonly t: number;
  readonly bad: boolean;
  readonly k?: string;
  readonly v?: number;
}

interface Opts {
  readonly when?: string;
  readonly cooldown?: string;
  readonly resolveAfter?: string;
  readonly bound?: string;
  readonly keyed?: boolean;
  readonly severity?: string;
}

function doc(events: readonly Ev[], o: Opts = {}) {
  const data = ndjsonData(events.map((e) => ({ t: e.t, k: e.k ?? 'a', v: e.v ?? 0, bad: e.bad })));
  const source = { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', maxOutOfOrderness: o.bound ?? '0s', data } };
  const sink = { id: 'alerts', kind: 'sink.alert', params: { when: o.when ?? 'bad', cooldown: o.cooldown ?? '0s', resolveAfter: o.resolveAfter ?? '10s', ...(o.severity === undefined ? {} : { severity: o.severity }) } };
  const nodes = o.keyed === true ? [source, { id: 'key', kind: 'transform.keyBy', params: { fields: ['k'] } }, sink] : [source, sink];
  return pipeline(nodes);
}

/** The alert rows, the same whatever the batch size. */
function alerts(events: readonly Ev[], o: Opts = {}): Row[] {
  const d = doc(events, o);
  const runs = [4096, 1, 2, 3].map((batchSize) => {
    const r = runPipeline(d, { batchSize });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    return r.results.get('alerts') ?? [];
  });
  for (const other of runs.slice(1)) expect(other).toEqual(runs[0]);
  return runs[0]!;
}

/** Just what a reader checks: id, status, span, count, resolution. */
const brief = (r: Row): string => `${String(r.alert_id)} ${String(r.status)} ${String(r.first_time)}-${String(r.last_time)} n=${String(r.count)}${r.resolved_time === null ? '' : ` @${String(r.resolved_time)}`}`;

/** The newest row of each alert id, in order of first appearance. */
function finalStates(rows: readonly Row[]): string[] {
  const latest = new Map<string, Row>();
  for (const r of rows) latest.set(String(r.alert_id), r);
  return [...latest.values()].map(brief);
}

const ev = (t: number, bad: boolean, k?: string): Ev => (k === undefined ? { t, bad } : { t, bad, k });

describe('sink.alert grouping and resolution', () => {
  it('groups a burst into one alert that grows, then resolves once the key is quiet for resolveAfter', () => {
    const rows = alerts([ev(0, true), ev(2000, true), ev(4000, true), ev(10_000, false), ev(20_000, false)]);
    expect(rows.map(brief)).toEqual([
      'alerts::1 open 0-0 n=1',
      'alerts::1 open 0-2000 n=2',
      'alerts::1 open 0-4000 n=3',
      // Resolved at 4000 + 10s, when the record at 20000 shows time has passed it.
      'alerts::1 resolved 0-4000 n=3 @14000',
    ]);
    expect(rows[0]).toMatchObject({ sink: 'alerts', key: '', severity: 'warning', max_score: null, reason: 'bad holds' });
  });

  it('a record exactly resolveAfter after the last anomalous one starts a new burst', () => {
    expect(finalStates(alerts([ev(0, true), ev(10_000, true)]))).toEqual(['alerts::1 resolved 0-0 n=1 @10000', 'alerts::2 resolved 10000-10000 n=1 @20000']);
    expect(finalStates(alerts([ev(0, true), ev(9_999, true)]))).toEqual(['alerts::1 resolved 0-9999 n=2 @19999']);
  });

  it('the end of the input (watermark at infinity) resolves what is still open', () => {
    const rows = alerts([ev(0, false), ev(5_000, true)]);
    expect(rows.map(brief)).toEqual(['alerts::1 open 5000-5000 n=1', 'alerts::1 resolved 5000-5000 n=1 @15000']);
  });
});

describe('sink.alert cool-down', () => {
  // resolveAfter 2s, cool-down 10s: the first alert resolves at 2000; a record within 10s of its last one reopens it.
  const o: Opts = { resolveAfter: '2s', cooldown: '10s' };

  it('a burst exactly at the cool-down edge opens a new alert', () => {
    expect(finalStates(alerts([ev(0, true), ev(5_000, false), ev(10_000, true)], o))).toEqual([
      'alerts::1 resolved 0-0 n=1 @2000',
      'alerts::2 resolved 10000-10000 n=1 @12000',
    ]);
  });

  it('a record just inside the cool-down reopens and extends the last alert instead of raising another', () => {
    const rows = alerts([ev(0, true), ev(5_000, false), ev(9_999, true), ev(30_000, false)], o);
    expect(rows.map(brief)).toEqual([
      'alerts::1 open 0-0 n=1',
      'alerts::1 resolved 0-0 n=1 @2000',
      'alerts::1 open 0-9999 n=2',
      'alerts::1 resolved 0-9999 n=2 @11999',
    ]);
  });

  it('the cool-down runs from the last anomalous record, so a flapping key keeps one alert', () => {
    const flapping = [0, 8_000, 16_000, 24_000].flatMap((t) => [ev(t, true), ev(t + 4_000, false)]);
    expect(finalStates(alerts(flapping, o))).toEqual(['alerts::1 resolved 0-24000 n=4 @26000']);
  });
});

describe('sink.alert per key', () => {
  it('keeps one alert state per key when two keys interleave', () => {
    const rows = alerts([ev(0, true, 'a'), ev(1_000, true, 'b'), ev(2_000, true, 'a'), ev(3_000, false, 'b'), ev(30_000, true, 'b'), ev(31_000, false, 'a')], { keyed: true, cooldown: '5s' });
    expect(finalStates(rows)).toEqual([
      'alerts:a:1 resolved 0-2000 n=2 @12000',
      'alerts:b:1 resolved 1000-1000 n=1 @11000',
      'alerts:b:2 resolved 30000-30000 n=1 @40000',
    ]);
    // b@30000 resolves b's first alert by its own time and opens b's second; a resolves on the watermark (30000) before a@31000.
    expect(rows.map(brief).slice(3)).toEqual([
      'alerts:b:1 resolved 1000-1000 n=1 @11000',
      'alerts:b:2 open 30000-30000 n=1',
      'alerts:a:1 resolved 0-2000 n=2 @12000',
      'alerts:b:2 resolved 30000-30000 n=1 @40000',
    ]);
  });

  it('resolves a key by the watermark when no record of that key comes', () => {
    const rows = alerts([ev(0, true, 'a'), ev(5_000, false, 'b'), ev(9_000, false, 'b'), ev(10_000, false, 'b'), ev(12_000, false, 'b')], { keyed: true });
    // The watermark before b@12000 is 10000 = 0 + 10s: a resolves there, before any record of a comes.
    expect(rows.map(brief)).toEqual(['alerts:a:1 open 0-0 n=1', 'alerts:a:1 resolved 0-0 n=1 @10000']);
  });
});

describe('sink.alert event-time order', () => {
  it('an out-of-order record (within the bound) joins the burst and moves its first time back', () => {
    const rows = alerts([ev(10_000, true), ev(8_000, true), ev(11_000, false), ev(40_000, false)], { bound: '5s' });
    expect(finalStates(rows)).toEqual(['alerts::1 resolved 8000-10000 n=2 @20000']);
  });

  it('a late record is judged by its own time: within the latest alert it is counted there, after its cool-down it opens an alert that resolves at once', () => {
    // Alert 1: 50000..50000, resolved at 60000 by the record at 70000. Then a late record at 55000 reopens it (cool-down 20s from 50000).
    const inside = alerts([ev(50_000, true), ev(70_000, false), ev(55_000, true), ev(80_000, false)], { cooldown: '20s' });
    expect(inside.map(brief)).toEqual([
      'alerts::1 open 50000-50000 n=1',
      'alerts::1 resolved 50000-50000 n=1 @60000',
      'alerts::1 open 50000-55000 n=2',
      // The watermark (70000) is already past 55000 + 10s: resolved again at once.
      'alerts::1 resolved 50000-55000 n=2 @65000',
    ]);
    // Without an alert to join, a late record at 1000 opens one, which the watermark (70000) resolves after the record.
    const alone = alerts([ev(50_000, false), ev(70_000, false), ev(1_000, true)]);
    expect(alone.map(brief)).toEqual(['alerts::1 open 1000-1000 n=1', 'alerts::1 resolved 1000-1000 n=1 @11000']);
  });
});

describe('sink.alert rules', () => {
  it('takes any boolean expression over the record, and carries severity, max score and the latest reason', () => {
    const data = ndjsonData([
      { t: 0, k: 'x', v: 60, anomaly_score: 0.7, anomaly_reason: 'r1' },
      { t: 1000, k: 'y', v: 90, anomaly_score: 0.95, anomaly_reason: 'r2' },
      { t: 2000, k: 'x', v: 40, anomaly_score: 0.99, anomaly_reason: 'r3' },
      { t: 3000, k: 'x', v: 80, anomaly_score: 0.9, anomaly_reason: 'r4' },
    ]);
    const d = pipeline([
      { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data } },
      { id: 'alerts', kind: 'sink.alert', params: { when: "v > 50 && k == 'x' && anomaly_score >= 0.5", severity: 'critical', resolveAfter: '1m' } },
    ]);
    const r = runPipeline(d);
    if (!r.ok) throw new Error('compile failed');
    const rows = r.results.get('alerts')!;
    expect(rows.map(brief)).toEqual(['alerts::1 open 0-0 n=1', 'alerts::1 open 0-3000 n=2', 'alerts::1 resolved 0-3000 n=2 @63000']);
    expect(rows[2]).toMatchObject({ severity: 'critical', max_score: 0.9, reason: 'r4' });
  });

  it('refuses a rule that is not a true/false condition or names an unknown field, at the when param', () => {
    for (const when of ['v + 1', 'nosuch > 1']) {
      const d = pipeline([
        { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data: ndjsonData([{ t: 0, v: 1 }]) } },
        { id: 'alerts', kind: 'sink.alert', params: { when } },
      ]);
      const r = runPipeline(d);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatchObject({ nodeId: 'alerts', path: 'nodes[1].params.when' });
    }
  });
});

describe('sink.alert state', () => {
  const arbEvents = fc.array(fc.record({ t: fc.integer({ min: 0, max: 60_000 }), bad: fc.boolean(), k: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 40 });

  it('does not depend on where batches are cut (property)', () => {
    fc.assert(fc.property(arbEvents, fc.constantFrom('0s', '3s'), fc.constantFrom('0s', '4s', '15s'), fc.boolean(), (events, bound, cooldown, keyed) => {
      alerts(events, { bound, cooldown, resolveAfter: '5s', keyed }); // asserts equal results for cuts of 4096, 1, 2, 3
    }), { numRuns: 60 });
  });

  it('a run restored from a snapshot taken anywhere emits the same rows as one that never stopped, and ids stay unique', () => {
    fc.assert(fc.property(arbEvents, fc.integer({ min: 0, max: 40 }), (events, cut) => {
      const d = doc(events, { keyed: true, cooldown: '2s', resolveAfter: '5s' });
      const whole = runPipeline(d, { batchSize: 1 });
      if (!whole.ok) throw new Error('compile failed');
      const first = preparePipeline(d);
      if (!first.ok) throw new Error('compile failed');
      for (let i = 0; i < cut && first.pipeline.runtime.step(1); i++) { /* run up to the cut */ }
      const image = structuredClone(first.pipeline.runtime.snapshot());
      const second = preparePipeline(d);
      if (!second.ok) throw new Error('compile failed');
      second.pipeline.runtime.restore(image);
      while (second.pipeline.runtime.step(1)) { /* to the end */ }
      const resumed = [...(first.pipeline.results.get('alerts') ?? []), ...(second.pipeline.results.get('alerts') ?? [])];
      expect(resumed).toEqual(whole.results.get('alerts'));
      // Alert ids: one per (key, number), opened in increasing number per key.
      const opened = resumed.filter((r) => r.count === 1 && r.status === 'open').map((r) => String(r.alert_id));
      expect(new Set(opened).size).toBe(opened.length);
    }), { numRuns: 60 });
  });
});
