import { describe, expect, it } from 'vitest';
import { POURING_PULL_MS, pullEveryMs } from './pullPace';

describe('how often the page pulls the worker', () => {
  it('five times a second while a run at Max pours results in, every frame otherwise', () => {
    expect(POURING_PULL_MS).toBe(200);
    expect(pullEveryMs('running', 'max')).toBe(POURING_PULL_MS);
    expect(pullEveryMs('running', 1)).toBe(0);
    expect(pullEveryMs('running', 100)).toBe(0);
    expect(pullEveryMs('paused', 'max')).toBe(0);
    expect(pullEveryMs('idle', 'max')).toBe(0);
    expect(pullEveryMs('finished', 'max')).toBe(0);
  });
});
