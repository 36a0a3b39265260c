import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export type CliRow = Record<string, string | number | boolean | null>;

const ndjson = (text: string): CliRow[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as CliRow);

/** Runs `windowpane run` on a document (a path under the project, or a document to write to a temporary file): its results and late events. */
export function cliRun(pipeline: string | object): { out: CliRow[]; late: CliRow[] } {
  const dir = mkdtempSync(join(tmpdir(), 'windowpane-cli-'));
  let path = typeof pipeline === 'string' ? join(ROOT, pipeline) : join(dir, 'pipeline.json');
  if (typeof pipeline !== 'string') writeFileSync(path, JSON.stringify(pipeline));
  path = path.replaceAll('\\', '/');
  const run = spawnSync('node', [join(ROOT, 'cli', 'bin.mjs'), 'run', path, '--out', join(dir, 'out.ndjson'), '--late', join(dir, 'late.ndjson')], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
  return { out: ndjson(readFileSync(join(dir, 'out.ndjson'), 'utf8')), late: ndjson(readFileSync(join(dir, 'late.ndjson'), 'utf8')) };
}

/** An example's document as JSON, to run a variant of it. */
export function exampleDocument(slug: string): { nodes: { id: string; kind: string }[]; edges: unknown[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'examples', `${slug}.json`), 'utf8')) as never;
}

/** A time as the tables show it: `YYYY-MM-DD HH:MM:SS.mmm` in UTC. */
export const tableTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
