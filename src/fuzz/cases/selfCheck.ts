/**
 * Cases that break the rules on purpose, so the harness's own test can see
 * it catch each kind of failure: a loop that never returns, a throw, a
 * rejection nobody handles, and one that holds.
 */
import type { CaseOutcome } from './types';

export interface SelfCheckCase {
  readonly behave: 'spin' | 'throw' | 'reject' | 'hold' | 'slow';
}

export function runSelfCheckCase(input: SelfCheckCase): CaseOutcome {
  switch (input.behave) {
    case 'spin':
      for (;;) { /* never returns: the sandbox must stop it */ }
    case 'throw':
      throw new Error('thrown on purpose');
    case 'reject':
      void Promise.reject(new Error('rejected on purpose'));
      return { violations: [], outcome: 'rejected' };
    case 'slow': {
      const until = performance.now() + 300;
      while (performance.now() < until) { /* busy for 300 ms */ }
      return { violations: [], outcome: 'slow' };
    }
    case 'hold':
      return { violations: [], outcome: 'held' };
  }
}
