import { describe, expect, it } from 'vitest';
import { cardSpend, plain, plainRun, runUntilStopped, testWorker } from '../testing/cardSpend';

const doc = cardSpend();
const reference = plainRun(doc);
const indexOf = (row: unknown): number => reference.events.findIndex((e) => JSON.stringify(e) === JSON.stringify(row));

describe('breakpoints', () => {
  it('until the next late event: stops right after the event the late port got first, then the next', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    expect(api.setBreakpoints([{ id: 'late', spec: { kind: 'late', nodeId: 'minute' } }])).toEqual([]);
    api.watch('minute');
    runUntilStopped(clock, api);
    const hit = api.breakpointHit();
    expect(api.drain().phase).toBe('paused');
    expect(plain(hit?.record ?? null)).toEqual(reference.late[0]);
    expect(hit?.nodeId).toBe('minute');
    expect(hit?.port).toBe('late');
    // Exact: the last event read is the late one, not the end of a batch.
    expect(hit?.position).toBe(indexOf(reference.late[0]) + 1);
    clock.advance(200);
    expect(api.drain().metrics?.nodes['payments']?.rowsOut).toBe(hit?.position);
    expect(hit?.what).toMatch(/^an event went to the late port of minute \(event time .*, watermark .*\)$/);

    runUntilStopped(clock, api);
    const second = api.breakpointHit();
    expect(second?.serial).toBe(2);
    expect(plain(second?.record ?? null)).toEqual(reference.late[1]);
    expect(second?.position).toBe(indexOf(reference.late[1]) + 1);
  });

  it('until event n: the run position is n and the source preview ends with event n', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    api.setBreakpoints([{ id: 'n', spec: { kind: 'event', n: 12_345 } }]);
    api.watch('payments');
    runUntilStopped(clock, api);
    const hit = api.breakpointHit();
    expect(hit?.position).toBe(12_345);
    expect(plain(hit?.record ?? null)).toEqual(reference.events[12_344]);
    api.watch('payments');
    expect(plain(api.drain().preview?.out.at(-1) ?? null)).toEqual(reference.events[12_344]);
    // Hit once: going on runs to the end.
    runUntilStopped(clock, api);
    expect(api.drain().phase).toBe('finished');
  });

  it('until a condition on an edge holds: stops on the first record that satisfies it', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    api.setBreakpoints([{ id: 'c', spec: { kind: 'condition', edgeId: 'e1', expression: "card == 'card-00007' && amount > 200" } }]);
    runUntilStopped(clock, api);
    const hit = api.breakpointHit();
    const first = reference.events.findIndex((e) => e['card'] === 'card-00007' && (e['amount'] as number) > 200);
    expect(first).toBeGreaterThan(0);
    expect(plain(hit?.record ?? null)).toEqual(reference.events[first]);
    expect(hit?.position).toBe(first + 1);
    expect(hit?.nodeId).toBe('payments');
  });

  it('refuses a condition that does not compile against the edge, and nodes that cannot fire', () => {
    const { api } = testWorker();
    api.load(doc, false);
    const problems = api.setBreakpoints([
      { id: 'typo', spec: { kind: 'condition', edgeId: 'e1', expression: 'amont > 3' } },
      { id: 'text', spec: { kind: 'condition', edgeId: 'e1', expression: 'card + 1' } },
      { id: 'key', spec: { kind: 'fire', nodeId: 'byCard' } },
      { id: 'gone', spec: { kind: 'late', nodeId: 'nope' } },
    ]);
    expect(problems.map((p) => p.id)).toEqual(['typo', 'text', 'key', 'gone']);
    expect(problems[0]?.message).toMatch(/amont/);
    expect(problems[2]?.message).toMatch(/not a window/);
  });

  it('until the next fire and the next revision: the first result and the first revision, in the order results come', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    api.setBreakpoints([{ id: 'f', spec: { kind: 'fire', nodeId: 'spend' } }]);
    runUntilStopped(clock, api);
    expect(plain(api.breakpointHit()?.record ?? null)).toEqual(reference.results[0]);
    expect(api.breakpointHit()?.what).toMatch(/^minute fired window \[/);
    api.setBreakpoints([{ id: 'r', spec: { kind: 'revision', nodeId: 'minute' } }]);
    runUntilStopped(clock, api);
    const firstRevision = reference.results.find((r) => (r['revision'] as number) > 0);
    expect(plain(api.breakpointHit()?.record ?? null)).toEqual(firstRevision);
  });

  it('until the watermark passes a time: stops on the event that moved it there', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    const at = 1_700_000_200_000;
    api.setBreakpoints([{ id: 'w', spec: { kind: 'watermark', nodeId: 'payments', time: at } }]);
    runUntilStopped(clock, api);
    // The source's watermark after an event: the largest time so far less the 5 s bound and 1 ms.
    let max = -Infinity;
    const first = reference.events.findIndex((e) => (max = Math.max(max, e['ts'] as number)) - 5001 >= at);
    expect(api.breakpointHit()?.position).toBe(first + 1);
    expect(api.breakpointHit()?.record).toBeNull();
  });

  it('costs a running run nothing while none is armed: batches stay whole', () => {
    const { clock, api } = testWorker();
    api.load(doc, false);
    api.setSpeed('max');
    api.start();
    clock.advance(20);
    expect(api.drain().metrics?.nodes['payments']?.rowsOut).toBeGreaterThanOrEqual(4096);
    expect(api.breakpointHit()).toBeNull();
  });
});
