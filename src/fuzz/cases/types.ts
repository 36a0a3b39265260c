/** What every fuzz case answers: the broken rules it found (empty when it held) and a word on what it did. */
export interface CaseOutcome {
  /** Each rule the case broke, as a sentence; empty when the case held. */
  readonly violations: string[];
  /** What happened, for the counts (e.g. 'valid', 'refused', 'ran'). */
  readonly outcome: string;
}

export type FuzzArea = 'documents' | 'expressions' | 'fileRows' | 'wsMessages' | 'streamQueries';

export const FUZZ_AREAS: readonly FuzzArea[] = ['documents', 'expressions', 'fileRows', 'wsMessages', 'streamQueries'];

/** The harness's own check (sandbox.test.ts): a case that spins, throws, rejects or holds, on purpose. */
export type SelfCheckArea = 'selfCheck';

/** The message of anything thrown, with the top of its stack for a bug report. */
export function thrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack === undefined ? '' : `\n${error.stack.split('\n').slice(1, 6).join('\n')}`}`;
  return String(error);
}
