/**
 * Runs fuzz cases in a worker thread with a time limit each. The worker is
 * the case code bundled by esbuild (one file, no TypeScript loader needed in
 * the thread); a case past its limit terminates the thread, and the next case
 * gets a fresh one.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzArea, SelfCheckArea } from '../cases/types';
import type { CaseReply, CaseRequest } from './caseWorker';

/** The rule: every case answers within 2 s. */
export const CASE_LIMIT_MS = 2000;

export interface CaseResult {
  readonly violations: readonly string[];
  readonly outcome: string;
  /** Wall time from sending the case to its answer (or to giving up). */
  readonly ms: number;
  /** No answer within the limit: the thread was stopped. */
  readonly timedOut: boolean;
  /** Timed out, or answered after the limit. */
  readonly overLimit: boolean;
}

export interface Sandbox {
  run(area: FuzzArea | SelfCheckArea, input: unknown, limitMs?: number): Promise<CaseResult>;
  close(): Promise<void>;
}

let bundled: Promise<string> | null = null;

function bundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./caseWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    // As in vite.config.ts: the sketch library's optional protobuf support, never used.
    alias: { 'protobufjs/minimal': fileURLToPath(new URL('../../worker/protobufStub.ts', import.meta.url)) },
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

export async function createSandbox(): Promise<Sandbox> {
  const code = await bundle();
  let worker: Worker | null = null;
  let nextId = 0;
  let failure: ((error: unknown) => void) | null = null;

  /** The thread for the next case, started and ready (its start-up is not counted against any case). */
  async function current(): Promise<Worker> {
    if (worker !== null) return worker;
    const fresh = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 1 } });
    await new Promise<void>((resolve, reject) => {
      fresh.once('message', () => resolve());
      fresh.once('error', reject);
    });
    // An error outside any case's call (a timer's throw, running out of heap) fails the case in flight.
    fresh.on('error', (error) => {
      if (worker !== fresh) return;
      worker = null;
      failure?.(error);
    });
    fresh.on('exit', (exitCode) => {
      if (worker !== fresh) return;
      worker = null;
      failure?.(new Error(`the case worker exited with code ${exitCode}`));
    });
    worker = fresh;
    return fresh;
  }

  return {
    async run(area, input, limitMs = CASE_LIMIT_MS) {
      const json = JSON.stringify(input);
      const thread = await current();
      const id = nextId++;
      const start = performance.now();
      return new Promise<CaseResult>((resolve) => {
        const finish = (result: Omit<CaseResult, 'ms' | 'overLimit'>): void => {
          clearTimeout(timer);
          thread.off('message', onMessage);
          failure = null;
          const ms = performance.now() - start;
          resolve({ ...result, ms, overLimit: result.timedOut || ms > limitMs });
        };
        const timer = setTimeout(() => {
          worker = null;
          failure = null;
          void thread.terminate();
          finish({ violations: [`no answer within ${limitMs} ms`], outcome: 'timeout', timedOut: true });
        }, limitMs);
        const onMessage = (reply: CaseReply): void => {
          if (reply.id !== id) return;
          const ms = performance.now() - start;
          const late = ms > limitMs ? [`answered after ${Math.round(ms)} ms, over the ${limitMs} ms limit`] : [];
          finish({ violations: [...reply.violations, ...late], outcome: reply.outcome, timedOut: false });
        };
        failure = (error) => {
          worker = null;
          void thread.terminate();
          finish({ violations: [`the case worker failed: ${error instanceof Error ? error.message : String(error)}`], outcome: 'crash', timedOut: false });
        };
        thread.on('message', onMessage);
        thread.postMessage({ id, area, json } satisfies CaseRequest);
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      failure = null;
      if (thread !== null) await thread.terminate();
    },
  };
}
