import { describe, expect, it, vi } from 'vitest';
import { NodeError } from '../engine/run/nodeError';
import type { Runtime } from '../engine/run/runtime';
import { createScheduler, IDLE_MS, STEP_BATCH_ROWS } from './scheduler';
import { createSession, type Session } from './session';
import { createFakeClock, type FakeClock } from './testing/fakeClock';
import { sensorDocument } from './testing/documents';
import type { RunSpeed } from './protocol';

function session(clock: FakeClock, rate: number, speed: RunSpeed, limit?: number): Session {
  const built = createSession(sensorDocument({ rate, ...(limit === undefined ? {} : { limit }) }), speed, null, {
    ...clock,
    openFeed: () => ({ close: () => undefined }),
    log: () => undefined,
    onPhase: () => undefined,
  });
  if (!built.ok) throw new Error('did not compile');
  return built.session;
}

const emitted = (s: Session): number => s.runtime.metrics().get('src')?.rowsOut ?? 0;

describe('the scheduler', () => {
  it('paces a sample source by event time: rate events per second at 1x', () => {
    const clock = createFakeClock();
    const s = session(clock, 200, 1);
    s.scheduler.start();
    clock.advance(2000);
    expect(s.scheduler.phase).toBe('running');
    expect(emitted(s)).toBeGreaterThanOrEqual(390);
    expect(emitted(s)).toBeLessThanOrEqual(401);
  });

  it('lets speed multiply the pace, from the moment it changes', () => {
    const clock = createFakeClock();
    const s = session(clock, 200, 1);
    s.scheduler.start();
    clock.advance(1000);
    const atOne = emitted(s);
    s.scheduler.setSpeed(10);
    clock.advance(1000);
    expect(emitted(s) - atOne).toBeGreaterThanOrEqual(1950);
    expect(emitted(s) - atOne).toBeLessThanOrEqual(2001);
    s.scheduler.setSpeed(0.1);
    const atTen = emitted(s);
    clock.advance(1000);
    expect(emitted(s) - atTen).toBeLessThanOrEqual(21);
  });

  it('freezes on pause, and steps exactly one batch or one event while paused', () => {
    const clock = createFakeClock();
    const s = session(clock, 200, 1);
    s.scheduler.start();
    clock.advance(500);
    s.scheduler.pause();
    const paused = emitted(s);
    clock.advance(2000);
    expect(emitted(s)).toBe(paused);
    expect(clock.pending()).toBe(0);
    s.scheduler.step('batch');
    expect(emitted(s)).toBe(paused + STEP_BATCH_ROWS);
    s.scheduler.step('event');
    expect(emitted(s)).toBe(paused + STEP_BATCH_ROWS + 1);
    expect(s.scheduler.phase).toBe('paused');
  });

  it('does not burst after a resume: the pause is not made up for', () => {
    const clock = createFakeClock();
    const s = session(clock, 100, 1);
    s.scheduler.start();
    clock.advance(1000);
    s.scheduler.pause();
    clock.advance(60_000);
    const before = emitted(s);
    s.scheduler.start();
    clock.advance(IDLE_MS * 2);
    expect(emitted(s) - before).toBeLessThanOrEqual(5);
  });

  it('runs flat out at max, yielding between slices, and finishes at the end of a finite input', () => {
    const clock = createFakeClock(1);
    const s = session(clock, 10, 'max', 200_000);
    s.scheduler.start();
    clock.advance(0);
    // One slice: far more than the rate of 10 events/s allows, but not everything at once.
    expect(emitted(s)).toBeGreaterThan(4096);
    expect(emitted(s)).toBeLessThan(200_000);
    expect(s.scheduler.phase).toBe('running');
    expect(clock.pending()).toBe(1);
    clock.advance(1000);
    expect(s.scheduler.phase).toBe('finished');
    expect(emitted(s)).toBe(200_000);
  });

  it('gives way while the page draws: no slice until told it has drawn, or the time given has passed', () => {
    // 1 ms passes on each reading of the clock, so a slice at Max ends.
    const clock = createFakeClock(1);
    const s = session(clock, 10, 'max', 100_000_000);
    s.scheduler.start();
    clock.advance(0);
    const first = emitted(s);
    expect(first).toBeGreaterThan(0);
    s.scheduler.giveWay(500);
    clock.advance(400);
    expect(emitted(s)).toBe(first);
    expect(s.scheduler.phase).toBe('running');
    // Told it has drawn: the next slice runs at once.
    s.scheduler.resume();
    clock.advance(0);
    const resumed = emitted(s);
    expect(resumed).toBeGreaterThan(first);
    // Never told: it goes on by itself once the time given has passed.
    s.scheduler.giveWay(500);
    clock.advance(400);
    expect(emitted(s)).toBe(resumed);
    clock.advance(200);
    expect(emitted(s)).toBeGreaterThan(resumed);
    // A pause while giving way stays a pause; resume does not restart it.
    s.scheduler.giveWay(500);
    s.scheduler.pause();
    s.scheduler.resume();
    const paused = emitted(s);
    clock.advance(1000);
    expect(emitted(s)).toBe(paused);
    expect(s.scheduler.phase).toBe('paused');
  });

  it('reports a failure with the node that threw, and stops', () => {
    const clock = createFakeClock();
    const runtime: Runtime = {
      step: () => {
        throw new NodeError('agg', new Error('boom'));
      },
      tick: () => undefined,
      metrics: () => new Map(),
      diagnostics: [],
      messageSources: new Map(),
      fileSources: new Map(),
      idleInputs: null,
      position: 0,
      setTrace: () => undefined,
      snapshot: () => {
        throw new Error('not in this test');
      },
      restore: () => undefined,
    };
    const scheduler = createScheduler({ runtime, paced: [], gate: { free: false } }, clock, 'max', () => undefined);
    scheduler.start();
    clock.advance(100);
    expect(scheduler.phase).toBe('failed');
    expect(scheduler.failure).toEqual({ nodeId: 'agg', message: 'boom' });
    expect(clock.pending()).toBe(0);
  });

  it('waits between slices when its only sources are WebSockets with nothing queued, even at Max', () => {
    const clock = createFakeClock(1);
    const built = createSession({
      format: 'windowpane.pipeline', version: 1, name: 'live',
      nodes: [
        { id: 'live', kind: 'source.websocket', position: { x: 0, y: 0 }, params: { url: 'ws://localhost:1/streams/sensors', format: 'auto', fields: [{ name: 'ts', type: 'time' }], eventTime: 'ts', timeFormat: 'auto', maxOutOfOrderness: '0ms', queueLimit: 100, earliestYear: 1900, latestYear: 2300 } },
        { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [{ id: 'e1', from: 'live', to: 'out', fromPort: 'out', toPort: 'in' }],
    }, 'max', null, { ...clock, openFeed: () => ({ close: () => undefined }), log: () => undefined, onPhase: () => undefined });
    if (!built.ok) throw new Error('did not compile');
    const steps = vi.spyOn(built.session.runtime, 'step');
    built.session.scheduler.start();
    clock.advance(1000);
    expect(built.session.scheduler.phase).toBe('running');
    // One step per idle pause, not a busy loop of empty steps.
    expect(steps.mock.calls.length).toBeLessThanOrEqual(Math.ceil(1000 / IDLE_MS) + 1);
    // Nor does it give way to the page: WebSocket messages keep arriving, and a pause could overflow its queue.
    const count = (): number => steps.mock.calls.length;
    const atStart = count();
    clock.advance(400);
    const plain = count() - atStart;
    built.session.scheduler.giveWay(500);
    clock.advance(400);
    expect(plain).toBeGreaterThan(0);
    expect(count() - atStart - plain).toBeGreaterThanOrEqual(plain - 1);
  });
});
