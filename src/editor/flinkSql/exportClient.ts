/**
 * The page's side of the Flink SQL export worker: one worker, started by the
 * first export and kept while the page lives (the panel opens and closes
 * often; the worker is small). When it dies (out of memory, say), the
 * exports waiting on it reject, and the next export starts a new one.
 */
import * as Comlink from 'comlink';
import type { FlinkExportOptions, FlinkExportResult } from '../../flinkSql/types';
import type { FlinkExportApi } from './flinkExport.worker';

interface Started {
  readonly api: Comlink.Remote<FlinkExportApi>;
  /** Rejects the exports under way. */
  readonly waiting: Set<(error: Error) => void>;
}

let started: Started | null = null;

function start(): Started {
  const worker = new Worker(new URL('./flinkExport.worker.ts', import.meta.url), { type: 'module', name: 'windowpane-flink-sql' });
  const mine: Started = { api: Comlink.wrap<FlinkExportApi>(worker), waiting: new Set() };
  const die = (message: string): void => {
    if (started === mine) started = null;
    worker.terminate();
    for (const reject of mine.waiting) reject(new Error(message));
    mine.waiting.clear();
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    die(event.message === '' ? 'the Flink SQL export worker stopped' : event.message);
  });
  worker.addEventListener('messageerror', () => die('the Flink SQL export worker\'s answer could not be read'));
  return mine;
}

/** Exports `json` (pipeline JSON) in the worker; rejects when the exporter throws or the worker dies. */
export function exportInWorker(json: string, options: FlinkExportOptions): Promise<FlinkExportResult> {
  const worker = started ?? (started = start());
  return new Promise<FlinkExportResult>((resolve, reject) => {
    worker.waiting.add(reject);
    worker.api.exportSql(json, options).then(resolve, reject).finally(() => worker.waiting.delete(reject));
  });
}
