/**
 * The corpus: every fuzz case that ever failed, one JSON file per case in
 * src/fuzz/corpus/<area>/, replayed before the random cases on every run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FuzzArea } from '../cases/types';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export interface CorpusCase {
  readonly area: FuzzArea;
  /** What the input is, in a few words. */
  readonly what: string;
  /** Why it failed when it was added (the violations), and since when it holds if fixed. */
  readonly why: string;
  /** How it was found: a seed and path, or by hand. */
  readonly found: string;
  readonly input: unknown;
}

export interface CorpusEntry {
  /** `<area>/<file>.json`, the name knownOpen.ts uses. */
  readonly name: string;
  readonly entry: CorpusCase;
}

/** Every case of `area`, in file-name order. */
export function loadCorpus(area: FuzzArea): CorpusEntry[] {
  const dir = join(CORPUS_DIR, area);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `${area}/${file}`, entry: JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase }));
}

/** Writes a case (unless the same input is there already) and returns its `<area>/<file>.json` name. */
export function saveCase(entry: CorpusCase, slug = 'found'): string {
  const dir = join(CORPUS_DIR, entry.area);
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(JSON.stringify(entry.input)).digest('hex').slice(0, 8);
  const file = `${slug.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}-${hash}.json`;
  const existing = readdirSync(dir).find((name) => name.endsWith(`-${hash}.json`));
  if (existing !== undefined) return `${entry.area}/${existing}`;
  writeFileSync(join(dir, file), `${JSON.stringify(entry, null, 2)}\n`);
  return `${entry.area}/${file}`;
}
