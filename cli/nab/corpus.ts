/** Reading NAB's data from disk: our shared layout (corpus/, combined_windows.json, profiles.json) or NAB's repository's (data/, labels/, config/). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseProfiles, parseWindows } from '../../src/nab/labels';
import type { CostMatrix, NabWindow, ProfileName } from '../../src/nab/types';

/** Where `windowpane nab` looks when --corpus is not given (relative to the working directory). */
export const DEFAULT_CORPUS = '../shared/data/nab';

export interface NabCorpus {
  readonly dir: string;
  readonly dataDir: string;
  /** Corpus-relative paths of the labelled files (the ones NAB scores), sorted. */
  readonly files: readonly string[];
  readonly windows: ReadonlyMap<string, readonly NabWindow[]>;
  readonly profiles: ReadonlyMap<ProfileName, CostMatrix>;
}

function firstExisting(dir: string, candidates: readonly string[]): string | null {
  for (const c of candidates) {
    const p = path.join(dir, c);
    if (existsSync(p)) return p;
  }
  return null;
}

/** The corpus in `dir`; throws an Error saying what is missing or malformed. */
export async function readCorpus(dir: string): Promise<NabCorpus> {
  const windowsPath = firstExisting(dir, ['combined_windows.json', 'labels/combined_windows.json']);
  const profilesPath = firstExisting(dir, ['profiles.json', 'config/profiles.json']);
  const dataDir = firstExisting(dir, ['corpus', 'data']);
  if (windowsPath === null || profilesPath === null || dataDir === null) {
    throw new Error(`${dir} is not a NAB corpus: it needs combined_windows.json, profiles.json and the data files under corpus/ (or NAB's labels/, config/ and data/)`);
  }
  const windows = parseWindows(JSON.parse(await readFile(windowsPath, 'utf8')));
  const profiles = parseProfiles(JSON.parse(await readFile(profilesPath, 'utf8')));
  return { dir, dataDir, files: [...windows.keys()].sort(), windows, profiles };
}

export function readDataFile(corpus: NabCorpus, file: string): Promise<string> {
  return readFile(path.join(corpus.dataDir, file), 'utf8');
}
