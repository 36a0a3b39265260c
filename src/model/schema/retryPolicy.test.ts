import { describe, expect, it } from 'vitest';
import { retryDelayMs, retryPolicySchema } from './retryPolicy';

describe('retry policy', () => {
  const policy = retryPolicySchema.parse({});

  it('defaults to 5 retries from 0.5 s doubling to 10 s, ±20 %', () => {
    expect(policy).toEqual({ retries: 5, initialBackoff: '500ms', maxBackoff: '10s', jitter: 0.2 });
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => retryDelayMs(policy, a, 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('varies each wait by the jitter either way', () => {
    expect(retryDelayMs(policy, 1, 0)).toBe(400);
    expect(retryDelayMs(policy, 1, 0.999999)).toBe(600);
    expect(retryDelayMs({ ...policy, jitter: 0 }, 3, 0.9)).toBe(2000);
  });

  it('refuses a bad policy with its path', () => {
    const result = retryPolicySchema.safeParse({ retries: -1, initialBackoff: '0ms', jitter: 2 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['initialBackoff', 'jitter', 'retries']);
  });
});
