import { describe, expect, it } from 'vitest';
import { validate, type PipelineDocument } from '../model';
import { evaluateTasks, LESSON_EVENT_LIMIT, type CheckOutcome } from './evaluate';
import { clickPipeline, unboundedSamplePipeline } from './testing/lessonPipelines';
import { checkTask, task } from './testing/lessonTasks';

/** The outcome of one check of `measure` on `doc`. */
function check(doc: PipelineDocument, measure: unknown, op: string, value: unknown, says = 'the condition holds'): CheckOutcome {
  const answer = evaluateTasks(doc, [checkTask(measure, op, value, says)]);
  if (!answer.ok) throw new Error(answer.message);
  return answer.tasks[0]!.checks[0]!;
}

describe('evaluateTasks', () => {
  it('says the late port is not empty when an event comes 12 s late behind a 0 ms bound, and empty with a 15 s bound', () => {
    const lateness = { kind: 'lateCount', window: 'w' };
    const tight = check(clickPipeline(), lateness, 'eq', 0, 'the late port is empty');
    expect(tight).toEqual({
      says: 'the late port is empty', holds: false, actual: 1,
      text: "Does not hold: 1 event went to the late port of window 'w'; the task wants 0.",
    });
    const loose = check(clickPipeline({ maxOutOfOrderness: '15s' }), lateness, 'eq', 0, 'the late port is empty');
    expect(loose.holds).toBe(true);
    expect(loose.text).toBe("Holds: the late port is empty (0 events went to the late port of window 'w').");
  });

  it('counts the late events that match a where condition only', () => {
    expect(check(clickPipeline(), { kind: 'lateCount', window: 'w', where: [{ field: 'user', op: 'eq', value: 'u2' }] }, 'eq', 0).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'lateCount', window: 'w', where: [{ field: 'user', op: 'eq', value: 'u1' }] }, 'eq', 1).holds).toBe(true);
  });

  it('counts result rows and reads values from them, with where conditions', () => {
    expect(check(clickPipeline(), { kind: 'resultCount', sink: 'results' }, 'eq', 6).holds).toBe(true);
    const u1 = check(clickPipeline(), { kind: 'resultCount', sink: 'results', where: [{ field: 'user', op: 'eq', value: 'u1' }] }, 'ge', 4);
    expect(u1.holds).toBe(false);
    expect(u1.text).toBe("Does not hold: 3 rows with user = 'u1' reached sink 'results'; the task wants at least 4.");
    // The late event (amount 4) is dropped: 5 + 7 + 1 + 2 + 3 + 6 + 8.
    expect(check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'spent', reduce: 'sum' }, 'eq', 32).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'clicks', reduce: 'max' }, 'eq', 2).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'user', reduce: 'distinct' }, 'eq', 2).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'user', reduce: 'first' }, 'eq', 'u1').holds).toBe(true);
  });

  it('says plainly when no row matches the where conditions, with times as times', () => {
    const where = [{ field: 'user', op: 'eq', value: 'u9' }, { field: 'window_start', op: 'eq', value: Date.UTC(2026, 2, 2, 12) }];
    const none = check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'spent', reduce: 'sum', where }, 'ge', 1);
    expect(none.text).toBe("Does not hold: no rows at sink 'results' match user = 'u9' and window_start = 2026-03-02 12:00:00 UTC, so there is no value of spent to read; the task wants at least 1.");
    const largest = check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'clicks', reduce: 'max', where: [{ field: 'user', op: 'eq', value: 'u1' }] }, 'gt', 5);
    expect(largest.text).toBe("Does not hold: the largest value of clicks over the rows with user = 'u1' at sink 'results' is 2; the task wants more than 5.");
  });

  it('reads no value from rows that lack the field, and a field named like an Object method is data', () => {
    const none = check(clickPipeline(), { kind: 'resultValue', sink: 'results', field: 'constructor', reduce: 'first' }, 'eq', null);
    expect(none.holds).toBe(true);
    expect(none.actual).toBeNull();
    expect(check(clickPipeline(), { kind: 'resultCount', sink: 'results', where: [{ field: '__proto__', op: 'ne', value: 1 }] }, 'eq', 0).holds).toBe(true);
  });

  it('reads a field named __proto__ as data, in where conditions and values', () => {
    // The events at 1 s and 2 s come after one at 20 s: both late, with every field.
    const csv = 'ts,user,amount,__proto__\n20000,u1,5,x\n1000,u1,6,x\n2000,u1,7,y';
    const doc = clickPipeline({ csv, lateSink: true });
    expect(check(doc, { kind: 'lateCount', window: 'w', where: [{ field: '__proto__', op: 'eq', value: 'x' }] }, 'eq', 1).holds).toBe(true);
    expect(check(doc, { kind: 'resultValue', sink: 'lateSink', field: '__proto__', reduce: 'distinct' }, 'eq', 2).holds).toBe(true);
    expect(check(doc, { kind: 'resultValue', sink: 'lateSink', field: '__proto__', reduce: 'last' }, 'eq', 'y').holds).toBe(true);
  });

  it('says a check does not hold when the learner deleted the node it reads', () => {
    const outcome = check(clickPipeline(), { kind: 'lateCount', window: 'gone' }, 'eq', 0, 'the late port is empty');
    expect(outcome.holds).toBe(false);
    expect(outcome.text).toBe('Does not hold: "the late port is empty" cannot be checked: the pipeline has no node \'gone\' (was it deleted or renamed?).');
  });

  it('says a late count of a node that is not a window cannot be measured', () => {
    expect(check(clickPipeline(), { kind: 'lateCount', window: 'byUser' }, 'eq', 0).text).toContain("node 'byUser' is a transform.keyBy node, not a window");
  });

  it('reads the watermark after so many events, and none before the first', () => {
    // After 1 s, 2 s, 12 s and 15 s with a 0 ms bound: 15 s - 1 ms.
    expect(check(clickPipeline(), { kind: 'watermark', node: 'w', afterEvents: 4 }, 'eq', 14_999).holds).toBe(true);
    expect(check(clickPipeline({ maxOutOfOrderness: '15s' }), { kind: 'watermark', node: 'w', afterEvents: 4 }, 'eq', -1).holds).toBe(true);
    // A watermark reads as a time, in the fact and in what the task wants.
    expect(check(clickPipeline(), { kind: 'watermark', node: 'w', afterEvents: 4 }, 'ge', 20_000).text)
      .toBe("Does not hold: the watermark at node 'w' is 1970-01-01 00:00:14.999 UTC after 4 events; the task wants at least 1970-01-01 00:00:20 UTC.");
    const before = check(clickPipeline(), { kind: 'watermark', node: 'w', afterEvents: 0 }, 'eq', null);
    expect(before.holds).toBe(true);
    expect(before.text).toContain("node 'w' has no watermark yet after 0 events");
    expect(check(clickPipeline(), { kind: 'watermark', node: 'w', afterEvents: 50 }, 'eq', null).text).toContain('the input has only 8 events');
  });

  it('measures how long first results waited past their window end', () => {
    // [0, 10 s) fires when the event at 12 s arrives: 2 s of event time past its end.
    const tight = check(clickPipeline(), { kind: 'firstResultDelay', window: 'w' }, 'le', 1000);
    expect(tight.holds).toBe(false);
    expect(tight.actual).toBe(2000);
    // With a 5 s bound [0, 10 s) waits for the event at 15 s: the delay grows with the bound
    // (the watermark itself is then only just past the end, 14,999 against 9,999).
    const bounded = check(clickPipeline({ maxOutOfOrderness: '5s' }), { kind: 'firstResultDelay', window: 'w' }, 'le', 4000);
    expect(bounded.actual).toBe(5000);
    expect(bounded.text).toContain("was 5,000 ms of event time: the newest event read then was that far past the window's end");
    expect(check(clickPipeline({ maxOutOfOrderness: '15s' }), { kind: 'firstResultDelay', window: 'w' }, 'eq', null).text)
      .toContain("no window of 'w' fired its first result before the input ended");
  });

  it('reads parameters with their defaults, durations in ms, and counts nodes and edges', () => {
    expect(check(clickPipeline({ maxOutOfOrderness: '2s' }), { kind: 'param', node: 'clicks', path: ['maxOutOfOrderness'], unit: 'ms' }, 'eq', 2000).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'param', node: 'w', path: ['allowedLateness'] }, 'eq', '0ms').holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'param', node: 'byUser', path: ['fields', 0] }, 'eq', 'user').holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'nodeCount', nodeKind: 'sink.collect' }, 'eq', 1).holds).toBe(true);
    expect(check(clickPipeline({ lateSink: true }), { kind: 'nodeCount', nodeKind: 'sink.collect' }, 'eq', 2).holds).toBe(true);
    const late = check(clickPipeline(), { kind: 'edgeCount', from: 'w', fromPort: 'late' }, 'ge', 1, 'the late port goes somewhere');
    expect(late.text).toBe("Does not hold: the pipeline has 0 edges from node 'w' leaving its late port; the task wants at least 1.");
    expect(check(clickPipeline({ lateSink: true }), { kind: 'edgeCount', from: 'w', fromPort: 'late', toKind: 'sink.collect' }, 'eq', 1).holds).toBe(true);
  });

  it('counts the rows an at-least-once sink duplicates after a crash, and none for an exactly-once sink', () => {
    // The checkpoint after 2 events holds no result; the event at 12 s fires two windows before the crash at 3.
    const crash = { kind: 'crashReplay', sink: 'results', crashAfterEvents: 3, checkpointEvery: 2 };
    const atLeast = check(clickPipeline(), { ...crash, delivery: 'atLeastOnce' }, 'eq', 0);
    expect(atLeast.holds).toBe(false);
    expect(atLeast.actual).toBe(2);
    expect(atLeast.text).toContain("got 2 rows too many and 0 rows too few");
    expect(check(clickPipeline(), { ...crash, delivery: 'exactlyOnce' }, 'eq', 0).holds).toBe(true);
    // A checkpoint right at the crash loses and repeats nothing, either way.
    expect(check(clickPipeline(), { ...crash, checkpointEvery: 3, delivery: 'atLeastOnce' }, 'eq', 0).holds).toBe(true);
  });

  it('counts the result rows a changed parameter changes', () => {
    // With 15 s of allowed lateness the late event revises u1's window [0, 10 s): one row more.
    const whatIf = check(clickPipeline(), { kind: 'whatIf', sink: 'results', node: 'w', param: 'allowedLateness', value: '15s' }, 'eq', 0);
    expect(whatIf.actual).toBe(1);
    expect(whatIf.holds).toBe(false);
    expect(check(clickPipeline(), { kind: 'whatIf', sink: 'results', node: 'w', param: 'allowedLateness', value: '1s' }, 'eq', 0).holds).toBe(true);
    expect(check(clickPipeline(), { kind: 'whatIf', sink: 'results', node: 'w', param: 'bogus', value: '1s' }, 'eq', 0).text).toContain("cannot compare 'bogus'");
  });

  it('counts a window whose result a changed parameter changes once, not as a row missing and a row extra', () => {
    // With a 15 s bound the event at 3 s is in time: u1's window [0, 10 s) counts 2 clicks instead of 1.
    const bound = check(clickPipeline(), { kind: 'whatIf', sink: 'results', node: 'clicks', param: 'maxOutOfOrderness', value: '15s' }, 'eq', 0);
    expect(bound.actual).toBe(1);
    expect(bound.text).toContain('the results of 1 window at sink \'results\' differ (1 changed, 0 only without the change, 0 only with it)');
    // A 5 s window splits every result: the 10 s windows disappear, the 5 s ones appear.
    const size = check(clickPipeline(), { kind: 'whatIf', sink: 'results', node: 'w', param: 'size', value: '5s' }, 'eq', 0);
    expect(size.text).toMatch(/\(0 changed, [1-9]\d* only without the change, [1-9]\d* only with it\)/);
  });

  it('reports every task, a task passing only when all its checks hold, and the prediction measure', () => {
    const answer = evaluateTasks(clickPipeline(), [
      task({ id: 'one', text: 'x', checks: [
        { measure: { kind: 'resultCount', sink: 'results' }, op: 'eq', value: 6, says: 'six rows' },
        { measure: { kind: 'lateCount', window: 'w' }, op: 'eq', value: 0, says: 'no late events' },
      ], predict: { question: 'How many late?', measure: { kind: 'lateCount', window: 'w' } } }),
      task({ id: 'two', text: 'y', checks: [{ measure: { kind: 'resultCount', sink: 'results' }, op: 'gt', value: 0, says: 'some rows' }] }),
    ]);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.eventsRead).toBe(8);
    expect(answer.tasks.map((t) => [t.taskId, t.passed, t.checks.map((c) => c.holds)])).toEqual([['one', false, [true, false]], ['two', true, [true]]]);
    expect(answer.tasks[0]!.measured).toBe(1);
    expect('measured' in answer.tasks[1]!).toBe(false);
  });

  it('answers with the problems of a pipeline that does not compile or validate', () => {
    const doc = clickPipeline();
    const broken = validate({ ...doc, nodes: [...doc.nodes, { id: 'f', kind: 'transform.filter', position: { x: 0, y: 0 }, params: { expr: 'nosuch > 1' } }], edges: [...doc.edges, { id: 'e9', from: 'clicks', to: 'f' }] });
    if (!broken.ok) throw new Error('fixture');
    const answer = evaluateTasks(broken.document, [checkTask({ kind: 'nodeCount' }, 'gt', 0)]);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.message).toMatch(/^The pipeline cannot run: /);
    expect(answer.problems[0]?.path).toContain('expr');
    const invalid = evaluateTasks({ ...doc, nodes: [] } as PipelineDocument, [checkTask({ kind: 'nodeCount' }, 'gt', 0)]);
    expect(invalid.ok).toBe(false);
  });

  it('caps an unbounded sample stream at LESSON_EVENT_LIMIT events, in every run a measure makes', () => {
    const doc = unboundedSamplePipeline();
    const answer = evaluateTasks(doc, [checkTask({ kind: 'resultValue', sink: 'out', field: 'n', reduce: 'sum' }, 'eq', LESSON_EVENT_LIMIT, 'every event is counted once')]);
    expect(answer.ok && answer.eventsRead).toBe(LESSON_EVENT_LIMIT);
    expect(answer.ok && answer.tasks[0]!.checks[0]!.holds).toBe(true);
    // The whole capped input ends before 200,000 events: a watermark read there has no input left to read.
    expect(check(doc, { kind: 'watermark', node: 'minute', afterEvents: 200_000 }, 'eq', null).text).toContain('the input has only 100,000 events');
  });

  it('answers with problems for tasks that are not valid (they cross the worker boundary)', () => {
    const bogus = [{ id: 't', text: 'x', checks: [{ measure: { kind: 'lateCount' }, op: 'eq', value: 0, says: 's' }], hints: [] }] as unknown as Parameters<typeof evaluateTasks>[1];
    const answer = evaluateTasks(clickPipeline(), bogus);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.problems.map((p) => p.path)).toEqual(['tasks[0].checks[0].measure.window']);
    expect(answer.message).toBe('The tasks are not valid: tasks[0].checks[0].measure.window is required');
  });

  it('does not change the document it checks', () => {
    const doc = clickPipeline();
    const before = JSON.stringify(doc);
    evaluateTasks(doc, [checkTask({ kind: 'whatIf', sink: 'results', node: 'w', param: 'allowedLateness', value: '15s' }, 'eq', 0)]);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
