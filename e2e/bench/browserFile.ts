/**
 * The browser file benchmark's input and setup, shared by the benchmark
 * (fileRate.ts) and its long-task diagnosis (fileLongTasksProfile.ts): the
 * big CSV (ts,key,value, 1,000 keys), generated once, untimed, under
 * node_modules/.cache; the keyed tumbling 1 s pipeline; and storing the file
 * on its source node as a user would.
 */
import type { Page } from '@playwright/test';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentsBar } from '../pages/DocumentsBar';

const KEYS = 1000;
/** WINDOWPANE_BENCH_CACHE moves the generated files, e.g. out of a node_modules shared by several worktrees. */
const CACHE = process.env.WINDOWPANE_BENCH_CACHE ?? join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'windowpane-bench');

/** Where the `mb` MB CSV is cached. */
export function benchCsvPath(mb: number): string {
  return join(CACHE, `browser-rows-${mb}mb.csv`);
}

/** Writes rows until the file reaches `mb` MB: ten rows per millisecond of event time (10,000 per 1 s window). */
export async function generateBenchCsv(mb: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = benchCsvPath(mb);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const target = mb * 1024 * 1024;
  let written = 0;
  let i = 0;
  out.write('ts,key,value\n');
  while (written < target) {
    const lines: string[] = [];
    for (let j = 0; j < 10_000; j++, i++) lines.push(`${1_700_000_000_000 + Math.floor(i / 10)},k${(i * 7919) % KEYS},${((i * 31) % 9973) / 10}`);
    const chunk = lines.join('\n') + '\n';
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, path);
  return path;
}

/** The keyed tumbling 1 s count/sum/avg/min/max over the CSV, its file source `rows`. */
export const BENCH_FILE_PIPELINE = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Browser file benchmark',
  nodes: [
    { id: 'rows', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', fileName: 'rows.csv' } },
    { id: 'byKey', kind: 'transform.keyBy', position: { x: 260, y: 0 }, params: { fields: ['key'] } },
    { id: 'second', kind: 'window.tumbling', position: { x: 520, y: 0 }, params: { size: '1s' } },
    { id: 'stats', kind: 'aggregate', position: { x: 780, y: 0 }, params: { aggregations: [
      { name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'value' }, { name: 'mean', fn: 'avg', field: 'value' },
      { name: 'low', fn: 'min', field: 'value' }, { name: 'high', fn: 'max', field: 'value' },
    ] } },
    { id: 'results', kind: 'sink.collect', position: { x: 1040, y: 0 } },
  ],
  edges: [{ id: 'e1', from: 'rows', to: 'byKey' }, { id: 'e2', from: 'byKey', to: 'second' }, { id: 'e3', from: 'second', to: 'stats' }, { id: 'e4', from: 'stats', to: 'results' }],
});

/** Pastes the pipeline, chooses `csv` on its file source and waits until the app has stored it (hashed in slices). */
export async function storeBenchFile(page: Page, csv: string): Promise<void> {
  await new DocumentsBar(page).pasteJson(BENCH_FILE_PIPELINE);
  const node = page.locator('.react-flow__node[data-id="rows"]');
  const chooser = page.waitForEvent('filechooser');
  await node.getByRole('button', { name: /Choose file/ }).click();
  await (await chooser).setFiles(csv);
  // Stored once the node no longer asks for its file.
  await node.getByRole('button', { name: /Choose file/ }).waitFor({ state: 'detached', timeout: 30 * 60_000 });
}
