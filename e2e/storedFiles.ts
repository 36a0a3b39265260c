/**
 * A stored file for the e2e specs and the browser benchmark, made in the
 * page: `ts,key,value` CSV rows generated there, hashed (SHA-256) and put
 * into the app's file store (IndexedDB `windowpane-files`, object store
 * `files`, keyed by hash: see src/worker/fileStore), and a pipeline that
 * refers to it.
 */
import type { Page } from '@playwright/test';

export interface StoredCsv {
  readonly hash: string;
  readonly size: number;
}

/**
 * Generates `rows` rows in the page (one every `stepMs` of event time, keys
 * k0..k{keys-1}; the rows whose index is in `bad` get a value that is not a
 * number) and stores them as `name`.
 */
export async function storeGeneratedCsv(page: Page, options: { rows: number; keys: number; stepMs: number; bad: readonly number[]; name: string }): Promise<StoredCsv> {
  return page.evaluate(async ({ rows, keys, stepMs, bad, name }) => {
    const badRows = new Set(bad);
    const parts: string[] = ['ts,key,value\n'];
    let lines: string[] = [];
    for (let i = 0; i < rows; i++) {
      lines.push(`${1_700_000_000_000 + i * stepMs},k${i % keys},${badRows.has(i) ? 'oops' : (i * 31) % 97}`);
      if (lines.length === 10_000) {
        parts.push(lines.join('\n') + '\n');
        lines = [];
      }
    }
    if (lines.length > 0) parts.push(lines.join('\n') + '\n');
    const blob = new Blob(parts, { type: 'text/csv' });
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    const hash = `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('windowpane-files');
      request.onupgradeneeded = () => request.result.createObjectStore('files');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put({ hash, size: blob.size, name, storedAt: Date.now(), blob }, hash);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { hash, size: blob.size };
  }, options);
}

/** A keyed tumbling 1 s count/sum/avg/min/max over the stored file, as pipeline JSON. */
/** A keyed tumbling count/sum/avg/min/max over a stored CSV of ts,key,value; `windowSize` defaults to 1s. */
export function storedCsvPipeline(file: StoredCsv, name: string, windowSize = '1s'): string {
  const at = (x: number) => ({ x, y: 120 });
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'Stored file',
    nodes: [
      { id: 'events', kind: 'source.file', position: at(0), params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', fileName: name, stored: file,
        fields: [{ name: 'ts', type: 'time' }, { name: 'key', type: 'string' }, { name: 'value', type: 'number' }] } },
      { id: 'byKey', kind: 'transform.keyBy', position: at(260), params: { fields: ['key'] } },
      { id: 'second', kind: 'window.tumbling', position: at(520), params: { size: windowSize } },
      { id: 'stats', kind: 'aggregate', position: at(780), params: { aggregations: [
        { name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'value' }, { name: 'mean', fn: 'avg', field: 'value' },
        { name: 'low', fn: 'min', field: 'value' }, { name: 'high', fn: 'max', field: 'value' },
      ] } },
      { id: 'results', kind: 'sink.collect', position: at(1040) },
    ],
    edges: [
      { id: 'e1', from: 'events', to: 'byKey' }, { id: 'e2', from: 'byKey', to: 'second' },
      { id: 'e3', from: 'second', to: 'stats' }, { id: 'e4', from: 'stats', to: 'results' },
    ],
  });
}
