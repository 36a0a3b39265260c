import { describe, expect, it } from 'vitest';
import type { Row } from '../operators/sinks';
import { runWindowPipeline, windowPipeline, type PipelineRows, type WindowNodeSpec } from '../testing/pipelines';

/**
 * Late data, pipeline-level, with every expected row worked out by hand from
 * "Event-time semantics" in ARCHITECTURE.md. Events are inline NDJSON in a
 * source.file node, in arrival order; each comment gives the watermark W an
 * event is judged against (max event time seen before it - bound - 1).
 */

interface Ev {
  readonly t: number;
  readonly v: number;
  readonly k?: string;
}

const AGGREGATIONS = [{ name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'v' }];

function ndjson(events: readonly Ev[]): string {
  return events.map((e) => JSON.stringify({ t: e.t, k: e.k ?? 'a', v: e.v })).join('\n');
}

function pipeline(events: readonly Ev[], bound: string, window: WindowNodeSpec, lateSink = false) {
  return windowPipeline({
    source: { kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', maxOutOfOrderness: bound, data: ndjson(events) } },
    keyBy: ['k'], window, value: 'v', aggregations: AGGREGATIONS, lateSink,
  });
}

/** A result row as the window emits it. */
function result(start: number, end: number, n: number, total: number, revision: number, k = 'a'): Row {
  return { window_start: start, window_end: end, k, n, total, revision };
}

/** An event as it reaches the late port: the input's own fields. */
function lateRow(e: Ev): Row {
  return { t: e.t, k: e.k ?? 'a', v: e.v };
}

/**
 * Runs the events cut into batches of 1, 2, 3 and 4096 rows; the results, the
 * late rows and the late count must not depend on the cut. Returns the run.
 */
function run(events: readonly Ev[], bound: string, window: WindowNodeSpec): PipelineRows {
  const doc = pipeline(events, bound, window);
  const [first, ...others] = [4096, 1, 2, 3].map((batchSize) => runWindowPipeline(doc, { batchSize }));
  for (const other of others) {
    expect(other.results).toEqual(first!.results);
    expect(other.late).toEqual(first!.late);
    expect(other.window.lateEvents).toBe(first!.window.lateEvents);
  }
  return first!;
}

describe('tumbling windows with allowed lateness', () => {
  // size 10s, bound 1s, allowed lateness 5s: window [0, 10000) fires at W >= 9999 and is late once W >= 14999.
  const window: WindowNodeSpec = { kind: 'window.tumbling', size: '10s', allowedLateness: '5s' };
  const events: Ev[] = [
    { t: 1_000, v: 1 }, // W -inf
    { t: 9_000, v: 2 }, // W -1
    { t: 11_000, v: 3 }, // W 7999; after it W = 9999 fires [0, 10000)
    { t: 5_000, v: 4 }, // W 9999: [0, 10000) has fired but is within lateness: revision 1
    { t: 8_000, v: 10, k: 'b' }, // W 9999: b's [0, 10000) never fired and its end is behind W: fires at once
    { t: 15_500, v: 5 }, // W 9999
    { t: 3_000, v: 6 }, // W 14499 < 14999: revision 2
    { t: 17_000, v: 7 }, // W 14499; after it W = 15999: [0, 10000) is late and dropped
    { t: 2_000, v: 8 }, // W 15999: late
    { t: 6_000, v: 20, k: 'b' }, // W 15999: late for b too
    { t: 45_000, v: 9 }, // W 15999; after it W = 43999 fires [10000, 20000); [20000, 40000) are empty
  ];

  it('fires on time, re-fires with revisions 1 then 2, fires a late-opened window at once, and sends the rest to late', () => {
    const out = run(events, '1s', window);
    expect(out.results).toEqual([
      result(0, 10_000, 2, 3, 0),
      result(0, 10_000, 3, 7, 1),
      result(0, 10_000, 1, 10, 0, 'b'),
      result(0, 10_000, 4, 13, 2),
      result(10_000, 20_000, 3, 15, 0),
      // End of input: the watermark goes to +infinity and the last window fires.
      result(40_000, 50_000, 1, 9, 0),
    ]);
    expect(out.late).toEqual([lateRow(events[8]!), lateRow(events[9]!)]);
    expect(out.window.lateEvents).toBe(2);
  });

  it('carries window_start, window_end, the key fields, the aggregates and revision, in that order', () => {
    const out = run(events, '1s', window);
    for (const row of out.results) expect(Object.keys(row)).toEqual(['window_start', 'window_end', 'k', 'n', 'total', 'revision']);
  });

  it('counts late events and routes them to a sink on the late port even when the host does not collect them', () => {
    const out = runWindowPipeline(pipeline(events, '1s', window, true), { collectLate: false });
    expect(out.late).toEqual([]);
    expect(out.lateSink).toEqual([lateRow(events[8]!), lateRow(events[9]!)]);
    expect(out.window.lateEvents).toBe(2);
    expect(out.results).toHaveLength(6);
  });

  it('counts late events in the metrics when nothing listens to the late port', () => {
    const out = runWindowPipeline(pipeline(events, '1s', window), { collectLate: false });
    expect(out.late).toEqual([]);
    expect(out.window.lateEvents).toBe(2);
  });
});

describe('the watermark and lateness boundaries', () => {
  const tumbling: WindowNodeSpec = { kind: 'window.tumbling', size: '10s' };

  it('keeps an event on time while the watermark (max seen - bound - 1) is one ms short of the window end - 1', () => {
    // Max seen 11999, bound 2s: W = 9998 < 9999, so [0, 10000) has not fired when t = 9999 arrives.
    const out = run([{ t: 1_000, v: 1 }, { t: 11_999, v: 2 }, { t: 9_999, v: 4 }], '2s', tumbling);
    expect(out.results).toEqual([result(0, 10_000, 2, 5, 0), result(10_000, 20_000, 1, 2, 0)]);
    expect(out.late).toEqual([]);
  });

  it('sends the same event to late once the watermark reaches the window end - 1 (no allowed lateness)', () => {
    // Max seen 12000: W = 9999 fires [0, 10000) and drops it; t = 9999 is late.
    const out = run([{ t: 1_000, v: 1 }, { t: 12_000, v: 2 }, { t: 9_999, v: 4 }], '2s', tumbling);
    expect(out.results).toEqual([result(0, 10_000, 1, 1, 0), result(10_000, 20_000, 1, 2, 0)]);
    expect(out.late).toEqual([lateRow({ t: 9_999, v: 4 })]);
    expect(out.window.lateEvents).toBe(1);
  });

  const withLateness: WindowNodeSpec = { kind: 'window.tumbling', size: '10s', allowedLateness: '5s' };

  it('revises a window while end - 1 + lateness is still above the watermark', () => {
    // Bound 0: after t = 14999, W = 14998 < 9999 + 5000.
    const out = run([{ t: 9_000, v: 1 }, { t: 14_999, v: 2 }, { t: 9_500, v: 4 }], '0ms', withLateness);
    expect(out.results).toEqual([result(0, 10_000, 1, 1, 0), result(0, 10_000, 2, 5, 1), result(10_000, 20_000, 1, 2, 0)]);
    expect(out.late).toEqual([]);
  });

  it('treats a window as late once end - 1 + lateness <= watermark', () => {
    // After t = 15000, W = 14999 = 9999 + 5000: [0, 10000) is late and its state gone.
    const out = run([{ t: 9_000, v: 1 }, { t: 15_000, v: 2 }, { t: 9_500, v: 4 }], '0ms', withLateness);
    expect(out.results).toEqual([result(0, 10_000, 1, 1, 0), result(10_000, 20_000, 1, 2, 0)]);
    expect(out.late).toEqual([lateRow({ t: 9_500, v: 4 })]);
  });

  it('judges an event against the watermark left by the events before it, even inside one batch', () => {
    // Bound 0. t = 12000 leaves W = 11999 for the next event, whatever the batch cut.
    const out = run([{ t: 1_000, v: 1 }, { t: 12_000, v: 2 }, { t: 5_000, v: 4 }, { t: 12_000, v: 8 }], '0ms', tumbling);
    expect(out.results).toEqual([result(0, 10_000, 1, 1, 0), result(10_000, 20_000, 2, 10, 0)]);
    expect(out.late).toEqual([lateRow({ t: 5_000, v: 4 })]);
  });
});

describe('hopping windows and late events', () => {
  it('counts a late event in the newer windows and sends it to late only when all its windows are late', () => {
    // size 10s, slide 5s, bound 0, no allowed lateness.
    const events: Ev[] = [
      { t: 1_000, v: 1 }, // windows [-5000, 5000) and [0, 10000)
      { t: 16_000, v: 2 }, // W 999; after it W = 15999 fires [-5000, 5000), [0, 10000); [5000, 15000) is empty for a
      { t: 12_000, v: 3 }, // W 15999: [5000, 15000) is late, [10000, 20000) is not: counted there only
      { t: 4_000, v: 4 }, // W 15999: [-5000, 5000) and [0, 10000) are both late: late port
    ];
    const out = run(events, '0ms', { kind: 'window.hopping', size: '10s', slide: '5s' });
    expect(out.results).toEqual([
      result(-5_000, 5_000, 1, 1, 0),
      result(0, 10_000, 1, 1, 0),
      result(10_000, 20_000, 2, 5, 0),
      result(15_000, 25_000, 1, 2, 0),
    ]);
    expect(out.late).toEqual([lateRow(events[3]!)]);
    expect(out.window.lateEvents).toBe(1);
  });

  it('revises the windows still within lateness and leaves out the ones beyond it', () => {
    // size 10s, slide 5s, bound 0, allowed lateness 3s: [0, 10000) is late from W 12999, [5000, 15000) from W 17999.
    const events: Ev[] = [
      { t: 6_000, v: 1 }, // [0, 10000), [5000, 15000)
      { t: 10_500, v: 2 }, // W 5999; after it W = 10499 fires [0, 10000)
      { t: 9_000, v: 3 }, // W 10499: revision 1 of [0, 10000); [5000, 15000) has not fired
      { t: 13_500, v: 4 }, // W 10499
      { t: 16_000, v: 5 }, // W 13499; after it W = 15999 fires [5000, 15000) and drops [0, 10000)
      { t: 8_000, v: 6 }, // W 15999: [0, 10000) is late, [5000, 15000) gets revision 1
      { t: 2_000, v: 7 }, // W 15999: [-5000, 5000) and [0, 10000) are late: late port
    ];
    const out = run(events, '0ms', { kind: 'window.hopping', size: '10s', slide: '5s', allowedLateness: '3s' });
    expect(out.results).toEqual([
      result(0, 10_000, 1, 1, 0),
      result(0, 10_000, 2, 4, 1),
      result(5_000, 15_000, 4, 10, 0),
      result(5_000, 15_000, 5, 16, 1),
      result(10_000, 20_000, 3, 11, 0),
      result(15_000, 25_000, 1, 5, 0),
    ]);
    expect(out.late).toEqual([lateRow(events[6]!)]);
    expect(out.window.lateEvents).toBe(1);
  });

  it('neither counts nor calls late an on-time event between windows shorter than the slide, but sends a late one to late', () => {
    // size 1s, slide 5s, bound 0: windows [0, 1000), [5000, 6000), [10000, 11000); times between belong to none.
    // Such an event is late only when its own time is (t + lateness <= W), as Flink's isElementLate has it.
    const events: Ev[] = [
      { t: 500, v: 1 }, // [0, 1000)
      { t: 3_000, v: 2 }, // W 499: in no window, on time: not counted anywhere, not late
      { t: 8_000, v: 4 }, // W 2999: in no window, on time
      { t: 9_000, v: 8 }, // W 7999: in no window, and on time although [5000, 6000) before it has passed: not late
      { t: 10_200, v: 16 }, // W 8999: [10000, 11000)
      { t: 2_000, v: 32 }, // W 10199: in no window and 2000 <= W: late
      { t: 5_500, v: 64 }, // W 10199: its only window [5000, 6000) is late
    ];
    const out = run(events, '0ms', { kind: 'window.hopping', size: '1s', slide: '5s' });
    expect(out.results).toEqual([result(0, 1_000, 1, 1, 0), result(10_000, 11_000, 1, 16, 0)]);
    expect(out.late).toEqual([lateRow(events[5]!), lateRow(events[6]!)]);
    expect(out.window.lateEvents).toBe(2);
  });
});

describe('session windows and late events', () => {
  it('merges late events into fired sessions, fires them at once as revisions, and sends the rest to late', () => {
    // gap 5s, bound 0, allowed lateness 15s.
    const events: Ev[] = [
      { t: 1_000, v: 1 }, // [1000, 6000)
      { t: 3_000, v: 2 }, // W 999: [1000, 8000)
      { t: 20_000, v: 3 }, // W 2999: [20000, 25000); after it W = 19999 fires [1000, 8000)
      { t: 10_000, v: 4 }, // W 19999: a new session [10000, 15000) whose end is behind W: fires at once
      { t: 6_000, v: 5 }, // W 19999: [6000, 11000) bridges both fired sessions: [1000, 15000), revision 1, at once
      { t: 500, v: 6 }, // W 19999: extends it to [500, 15000), revision 2
      { t: 21_000, v: 7 }, // W 19999: [20000, 26000); after it W = 20999
      { t: 40_000, v: 8 }, // W 20999; after it W = 39999 fires [20000, 26000) and drops [500, 15000) (14999 + 15000 <= W)
      { t: 2_000, v: 9 }, // W 39999: [2000, 7000) meets no live session and 6999 + 15000 <= W: late
      { t: 24_000, v: 10 }, // W 39999: merges into the fired [20000, 26000), still within lateness: revision 1
    ];
    const out = run(events, '0ms', { kind: 'window.session', gap: '5s', allowedLateness: '15s' });
    expect(out.results).toEqual([
      result(1_000, 8_000, 2, 3, 0),
      result(10_000, 15_000, 1, 4, 0),
      result(1_000, 15_000, 4, 12, 1),
      result(500, 15_000, 5, 18, 2),
      result(20_000, 26_000, 2, 10, 0),
      result(20_000, 29_000, 3, 20, 1),
      result(40_000, 45_000, 1, 8, 0),
    ]);
    expect(out.late).toEqual([lateRow(events[8]!)]);
    expect(out.window.lateEvents).toBe(1);
  });

  it('lets events exactly gap apart share a session that ends at the last event + gap', () => {
    // gap 5s, bound 0: 1000 and 6000 touch; 11001 is more than gap after 6000.
    const out = run([{ t: 1_000, v: 1 }, { t: 6_000, v: 2 }, { t: 11_001, v: 4 }], '0ms', { kind: 'window.session', gap: '5s' });
    expect(out.results).toEqual([result(1_000, 11_000, 2, 3, 0), result(11_001, 16_001, 1, 4, 0)]);
  });

  it('sends an event to late when the session it would touch has fired and no lateness is allowed', () => {
    // gap 5s, bound 0: after t = 10000, W = 9999 fires and drops [1000, 6000); t = 3000 opens [3000, 8000), already late.
    const out = run([{ t: 1_000, v: 1 }, { t: 10_000, v: 2 }, { t: 3_000, v: 4 }], '0ms', { kind: 'window.session', gap: '5s' });
    expect(out.results).toEqual([result(1_000, 6_000, 1, 1, 0), result(10_000, 15_000, 1, 2, 0)]);
    expect(out.late).toEqual([lateRow({ t: 3_000, v: 4 })]);
  });
});

describe('the end of input', () => {
  const events: Ev[] = [{ t: 1_000, v: 1 }, { t: 3_600_000, v: 2, k: 'b' }, { t: 80_000_000, v: 4 }];

  it('flushes every pending window when the bound keeps all of them open until the end', () => {
    // Bound 1 day: W stays below 0 until the input ends; then every window fires, in order of end.
    const out = run(events, '1d', { kind: 'window.tumbling', size: '1h' });
    expect(out.results).toEqual([
      result(0, 3_600_000, 1, 1, 0),
      result(3_600_000, 7_200_000, 1, 2, 0, 'b'),
      result(79_200_000, 82_800_000, 1, 4, 0),
    ]);
    expect(out.late).toEqual([]);
  });

  it('flushes hopping windows and sessions too, and emits nothing for empty windows', () => {
    const hopping = run(events, '1d', { kind: 'window.hopping', size: '1h', slide: '30m' });
    expect(hopping.results).toEqual([
      result(-1_800_000, 1_800_000, 1, 1, 0),
      result(0, 3_600_000, 1, 1, 0),
      result(1_800_000, 5_400_000, 1, 2, 0, 'b'),
      result(3_600_000, 7_200_000, 1, 2, 0, 'b'),
      result(77_400_000, 81_000_000, 1, 4, 0),
      result(79_200_000, 82_800_000, 1, 4, 0),
    ]);
    const sessions = run(events, '1d', { kind: 'window.session', gap: '1m' });
    expect(sessions.results).toEqual([
      result(1_000, 61_000, 1, 1, 0),
      result(3_600_000, 3_660_000, 1, 2, 0, 'b'),
      result(80_000_000, 80_060_000, 1, 4, 0),
    ]);
  });
});
