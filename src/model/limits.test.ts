import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TIME_RANGE, yearStartMs } from './eventTimeRange';
import { MAX_EDGES, MAX_LIST_ENTRIES, MAX_NODES } from './limits';
import type { PipelineNodeInput } from './schema/document';
import { pipelineOf, problemsOf, sensorPipeline, withParams } from './testing/fixtures';
import { validate } from './validate';

/** The problems of `sensorPipeline()` with node `id`'s params replaced, as path: message. */
function problemsWith(id: string, params: unknown): string[] {
  return problemsOf(withParams(id, params)).map((p) => `${p.path}: ${p.message}`);
}

const SAMPLE = { stream: 'sensors' };

describe('parameter bounds (issue 12, item 4)', () => {
  it('refuses sample keys that would allocate gigabytes before the first event, naming the limit', () => {
    expect(problemsWith('src', { ...SAMPLE, keys: 1_000_000_000 })).toEqual([
      "nodes[0].params.keys: node 'src': keys must be at most 1000000, got 1000000000",
    ]);
    // Passed validate before, and crashed run (an Int32Array of 2^31 entries).
    expect(problemsWith('src', { ...SAMPLE, keys: 2_147_483_648 })[0]).toMatch(/^nodes\[0\]\.params\.keys: .* at most 1000000/);
    expect(problemsWith('src', { ...SAMPLE, keys: 1_000_000 })).toEqual([]);
  });

  it('refuses rates whose events would outrun any calendar, or flood it', () => {
    expect(problemsWith('src', { ...SAMPLE, rate: 1e-300 })).toEqual([
      "nodes[0].params.rate: node 'src': rate must be at least 0.001, got 1e-300",
    ]);
    expect(problemsWith('src', { ...SAMPLE, rate: 1e9 })[0]).toMatch(/rate must be at most 10000000/);
    expect(problemsWith('src', { ...SAMPLE, rate: 1e7 })).toEqual([]);
  });

  it('refuses a reorder buffer of more than 2,000,000 events (rate x maxOutOfOrderness), about 160 MB of typed arrays', () => {
    const problems = problemsWith('src', { ...SAMPLE, rate: 1000, maxOutOfOrderness: '1d' });
    expect(problems).toEqual([
      "nodes[0].params.maxOutOfOrderness: node 'src': maxOutOfOrderness holds up to 86,400,000 events in the reorder buffer at rate 1000; at most 2,000,000 are allowed (lower the rate or maxOutOfOrderness)",
    ]);
    // Late events wait up to three times the bound.
    expect(problemsWith('src', { ...SAMPLE, rate: 1000, maxOutOfOrderness: '1000s', lateFraction: 0.1 })).toHaveLength(1);
    expect(problemsWith('src', { ...SAMPLE, rate: 1000, maxOutOfOrderness: '2000s' })).toEqual([]);
    // The benchmark's P5 shuffled: 100,000 events/s, 1 s of disorder and 10% up to a further 2 s late (300,000 held).
    expect(problemsWith('src', { ...SAMPLE, rate: 100_000, maxOutOfOrderness: '1s', lateFraction: 0.1 })).toEqual([]);
    // A limited stream never holds more than its limit.
    expect(problemsWith('src', { ...SAMPLE, rate: 1000, maxOutOfOrderness: '1d', limit: 2_000_000 })).toEqual([]);
  });

  it('refuses a sample start time outside the event-time range', () => {
    expect(problemsWith('src', { ...SAMPLE, startTime: 1e20 })[0]).toMatch(/startTime must be at most/);
    expect(problemsWith('src', { ...SAMPLE, startTime: 1e15 })[0]).toMatch(
      /^nodes\[0\]\.params\.startTime: node 'src': startTime must be an epoch ms in the years 1900 to 2300/,
    );
    expect(problemsWith('src', { ...SAMPLE, startTime: DEFAULT_EVENT_TIME_RANGE.min })).toEqual([]);
    expect(problemsWith('src', { ...SAMPLE, startTime: DEFAULT_EVENT_TIME_RANGE.min - 1 })).toHaveLength(1);
  });

  it('refuses window durations below a whole millisecond', () => {
    expect(problemsWith('w', { size: '0.0000001ms' })).toEqual([
      "nodes[2].params.size: node 'w': size must be a whole number of milliseconds, got '0.0000001ms'",
    ]);
    expect(problemsWith('w', { size: '1.0005s' })).toHaveLength(1);
    expect(problemsWith('w', { size: '1.5s' })).toEqual([]);
    expect(problemsWith('w', { size: '1ms' })).toEqual([]);
  });

  it('refuses durations too long for any calendar, even 400 nines that overflow a number', () => {
    const nines = `${'9'.repeat(400)}s`;
    const problems = problemsWith('w', { size: nines });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^nodes\[2\]\.params\.size: node 'w': size must be at most 36500d \(100 years\) either way, got '9{20}/);
    expect(problemsWith('w', { size: `${'9'.repeat(400)}ms` })).toHaveLength(1);
    expect(problemsWith('w', { size: '36501d' })).toHaveLength(1);
    expect(problemsWith('w', { size: '36500d' })).toEqual([]);
    expect(problemsWith('w', { size: '1m', offset: '-36501d' }).join()).toMatch(/offset must be at most 36500d/);
    expect(problemsWith('w', { size: '1m', allowedLateness: '1e3s' }).join()).toMatch(/allowedLateness must be a duration/);
  });

  it('refuses hopping windows that put an event in more than 10,000 windows', () => {
    const hop = (size: string, slide: string) => problemsWith('w', { size, slide });
    const document = sensorPipeline();
    document.nodes[2] = { id: 'w', kind: 'window.hopping', params: { size: '100d', slide: '0.5ms' } };
    expect(problemsOf(document).map((p) => p.message)).toEqual([
      "node 'w': slide must be a whole number of milliseconds, got '0.5ms'",
    ]);
    document.nodes[2] = { id: 'w', kind: 'window.hopping', params: { size: '100d', slide: '1ms' } };
    expect(problemsOf(document).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "nodes[2].params.slide: node 'w': slide puts each event in 8,640,000,000 windows (size '100d' / slide '1ms'); at most 10,000 are allowed, so make slide at least size / 10,000",
    ]);
    document.nodes[2] = { id: 'w', kind: 'window.hopping', params: { size: '10000s', slide: '1s' } };
    expect(problemsOf(document)).toEqual([]);
    document.nodes[2] = { id: 'w', kind: 'window.hopping', params: { size: '10001s', slide: '1s' } };
    expect(problemsOf(document)).toHaveLength(1);
    expect(hop).toBeTypeOf('function');
  });

  it('bounds counts: count windows, log lines, list params', () => {
    const document = sensorPipeline();
    document.nodes[2] = { id: 'w', kind: 'window.count', params: { size: 2 ** 40 } };
    expect(problemsOf(document).map((p) => p.message)).toEqual(["node 'w': size must be at most 1000000000, got 1099511627776"]);
    expect(problemsWith('snk', { limit: 1e7 })).toEqual(["nodes[4].params.limit: node 'snk': limit must be at most 1000000, got 10000000"]);
    const aggregations = Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => ({ name: `n${i}`, fn: 'count' }));
    expect(problemsWith('agg', { aggregations })).toEqual(["nodes[3].params.aggregations: node 'agg': aggregations must have at most 1000 entries"]);
    const fields = Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `f${i}`);
    expect(problemsWith('k', { fields })).toHaveLength(1);
  });

  it('gives file and WebSocket sources an event-time range of whole years, 1900 to 2300 unless set', () => {
    const document = sensorPipeline();
    document.nodes[0] = { id: 'src', kind: 'source.file', params: { eventTime: 'ts' } };
    const result = validate(document);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.document.nodes[0]!.params).toMatchObject({ earliestYear: 1900, latestYear: 2300 });
    document.nodes[0] = { id: 'src', kind: 'source.file', params: { eventTime: 'ts', earliestYear: 2000, latestYear: 1999 } };
    expect(problemsOf(document).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "nodes[0].params.earliestYear: node 'src': earliestYear must not be after latestYear (1999), got 2000",
    ]);
    document.nodes[0] = { id: 'src', kind: 'source.file', params: { eventTime: 'ts', latestYear: 10_000 } };
    expect(problemsOf(document).map((p) => p.message)).toEqual(["node 'src': latestYear must be at most 9999, got 10000"]);
    document.nodes[0] = {
      id: 'src', kind: 'source.websocket',
      params: { url: 'ws://localhost:1/x', fields: [{ name: 'ts', type: 'time' }], earliestYear: -1 },
    };
    expect(problemsOf(document).map((p) => p.message)).toEqual(["node 'src': earliestYear must be at least 0, got -1"]);
  });
});

describe('WebSocket queue bound', () => {
  it('refuses a queue of more than 10,000,000 values (queueLimit x declared fields)', () => {
    const document = sensorPipeline();
    const fields = Array.from({ length: 50 }, (_, i) => ({ name: i === 0 ? 'ts' : `f${i}`, type: (i === 0 ? 'time' : 'number') as 'time' | 'number' }));
    document.nodes[0] = { id: 'src', kind: 'source.websocket', params: { url: 'ws://localhost:1/x', fields, queueLimit: 1_000_000 } };
    expect(problemsOf(document).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "nodes[0].params.queueLimit: node 'src': queueLimit of 1,000,000 events of 50 fields holds up to 50,000,000 values; at most 10,000,000 are allowed (lower queueLimit or declare fewer fields)",
    ]);
    document.nodes[0] = { id: 'src', kind: 'source.websocket', params: { url: 'ws://localhost:1/x', fields, queueLimit: 200_000 } };
    expect(problemsOf(document)).toEqual([]);
  });
});

describe('yearStartMs', () => {
  it('counts leap days of the proleptic Gregorian calendar, years 0 to 10000', () => {
    expect(yearStartMs(1970)).toBe(0);
    expect(yearStartMs(2000)).toBe(946_684_800_000);
    expect(yearStartMs(2001)).toBe(978_307_200_000);
    expect(yearStartMs(1900)).toBe(-2_208_988_800_000);
    expect(yearStartMs(2301)).toBe(10_445_328_000_000);
    expect(yearStartMs(0)).toBe(-62_167_219_200_000);
    expect(yearStartMs(10_000)).toBe(253_402_300_800_000);
  });
});

describe('document size limits', () => {
  function fanOut(sinks: number) {
    const nodes: PipelineNodeInput[] = [{ id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 10 } }];
    const edges = [];
    for (let i = 0; i < sinks; i++) {
      nodes.push({ id: `s${i}`, kind: 'sink.collect' });
      edges.push({ id: `e${i}`, from: 'src', to: `s${i}` });
    }
    return pipelineOf(nodes, edges);
  }

  it('accepts one source into 10,000 sinks, and up to 20,000 nodes', () => {
    expect(validate(fanOut(10_000)).ok).toBe(true);
    expect(validate(fanOut(MAX_NODES - 1)).ok).toBe(true);
  }, 30_000);

  it('refuses one node more than 20,000 with the limit named, before checking each', () => {
    expect(problemsOf(fanOut(MAX_NODES)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'nodes: nodes has 20,001 nodes; a document may have at most 20,000',
    ]);
  });

  it('refuses more than 40,000 edges before checking each', () => {
    const document = fanOut(2);
    const edges = Array.from({ length: MAX_EDGES + 1 }, (_, i) => ({ id: `x${i}`, from: 'src', to: 's0' }));
    expect(problemsOf({ ...document, edges }).map((p) => p.message)).toEqual([
      'edges has 40,001 edges; a document may have at most 40,000',
    ]);
  });
});
