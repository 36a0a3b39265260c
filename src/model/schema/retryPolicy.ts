/**
 * How a source that can fail (a WebSocket or a log) tries again: a number of
 * retries with exponential backoff and jitter, as Prefect retries tasks. The
 * run shows "Retrying (attempt 2 of 5, next in 4 s)" while it waits, and
 * fails with the last error when the retries are used up.
 */
import * as z from 'zod';
import { positiveDurationSchema, strict } from './common';
import { parseDuration } from '../duration';

export const DEFAULT_RETRY_POLICY = { retries: 5, initialBackoff: '500ms', maxBackoff: '10s', jitter: 0.2 } as const;

export const retryPolicySchema = strict({
  retries: z.int().min(0).max(1000).default(DEFAULT_RETRY_POLICY.retries)
    .describe('How many times to try again after a failure before the run fails (0: fail at once).'),
  initialBackoff: positiveDurationSchema.default(DEFAULT_RETRY_POLICY.initialBackoff)
    .describe('The wait before the first retry; each further retry waits twice as long.'),
  maxBackoff: positiveDurationSchema.default(DEFAULT_RETRY_POLICY.maxBackoff)
    .describe('The longest wait between two retries.'),
  jitter: z.number().min(0).max(1).default(DEFAULT_RETRY_POLICY.jitter)
    .describe('Each wait is varied at random by up to this fraction either way, so that many clients do not retry at the same instant.'),
}).describe('How the source tries again after a failure.');

export type RetryPolicy = z.output<typeof retryPolicySchema>;

/**
 * The wait before retry number `attempt` (1 for the first retry), in ms:
 * initialBackoff doubling up to maxBackoff, times 1 ± jitter; `random` is
 * uniform in [0, 1) and injected so tests are exact.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number): number {
  const first = parseDuration(policy.initialBackoff) ?? 0;
  const max = Math.max(first, parseDuration(policy.maxBackoff) ?? first);
  const base = Math.min(max, first * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random));
}
