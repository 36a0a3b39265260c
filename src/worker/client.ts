/**
 * The main thread's end of the worker boundary: starts the pipeline worker
 * and wraps it with comlink. A crash (an error the worker did not catch, or
 * a message that cannot be read) is reported once; the owner then disposes
 * this client and starts a new one.
 */
import * as Comlink from 'comlink';
import type { PipelineWorkerApi } from './protocol';

/** The worker's API as the main thread calls it: every method answers later (a method that answers with a promise, once it settles). */
export type AsyncPipelineApi = {
  readonly [K in keyof PipelineWorkerApi]: (...args: Parameters<PipelineWorkerApi[K]>) => Promise<Awaited<ReturnType<PipelineWorkerApi[K]>>>;
};

export interface WorkerClient {
  readonly api: AsyncPipelineApi;
  dispose(): void;
}

/** Starts a pipeline worker; `onCrash` hears, at most once, why it died. */
export function startPipelineWorker(onCrash: (message: string) => void): WorkerClient {
  const worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module', name: 'windowpane-pipeline' });
  let crashed = false;
  const crash = (message: string): void => {
    if (crashed) return;
    crashed = true;
    onCrash(message);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crash(event.message === '' ? 'the pipeline worker stopped' : event.message);
  });
  worker.addEventListener('messageerror', () => crash('a message from the pipeline worker could not be read'));
  const remote = Comlink.wrap<PipelineWorkerApi>(worker);
  return {
    api: remote,
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
