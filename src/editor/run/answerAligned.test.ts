import { describe, expect, it } from 'vitest';
import { createAnswerAligned } from './answerAligned';

/** A hand-driven run: answer() applies an answer; tick(ms) moves the fake clock. */
function harness(maxWaitMs = 300) {
  let clock = 0;
  const timers: { at: number; callback: () => void; live: boolean }[] = [];
  const aligned = createAnswerAligned<string | null>({
    initial: null,
    maxWaitMs,
    later(callback, delayMs) {
      const timer = { at: clock + delayMs, callback, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    },
  });
  const changes: (string | null)[] = [];
  aligned.subscribe(() => changes.push(aligned.get()));
  return {
    aligned,
    changes,
    answer: () => aligned.answered(),
    tick(ms: number) {
      clock += ms;
      for (const t of timers) if (t.live && t.at <= clock) { t.live = false; t.callback(); }
    },
  };
}

describe('createAnswerAligned', () => {
  it('shows an offered value only when the next answer is applied', () => {
    const h = harness();
    h.aligned.offer('10 %', false);
    expect(h.aligned.get()).toBeNull();
    h.answer();
    expect(h.aligned.get()).toBe('10 %');
    expect(h.changes).toEqual(['10 %']);
  });

  it('shows the newest of several values offered between two answers, once', () => {
    const h = harness();
    h.aligned.offer('10 %', false);
    h.aligned.offer('12 %', false);
    h.answer();
    h.answer();
    expect(h.changes).toEqual(['12 %']);
  });

  it('shows a value after maxWaitMs when no answer comes (a paused or stalled run)', () => {
    const h = harness(300);
    h.aligned.offer('40 %', false);
    h.tick(299);
    expect(h.aligned.get()).toBeNull();
    h.tick(1);
    expect(h.aligned.get()).toBe('40 %');
  });

  it('counts the wait from the first value not yet shown, so steady offers still show', () => {
    const h = harness(300);
    h.aligned.offer('1 %', false);
    h.tick(200);
    h.aligned.offer('2 %', false);
    h.tick(100);
    expect(h.aligned.get()).toBe('2 %');
  });

  it('shows at once when asked to, and a later answer does not bring back an older value', () => {
    const h = harness();
    h.aligned.offer('50 %', false);
    h.aligned.offer('done', true);
    h.answer();
    h.tick(1000);
    expect(h.changes).toEqual(['done']);
  });

  it('drops the value waiting and its timer when cancelled', () => {
    const h = harness();
    h.aligned.offer('70 %', false);
    h.aligned.cancel();
    h.answer();
    h.tick(1000);
    expect(h.aligned.get()).toBeNull();
  });
});
