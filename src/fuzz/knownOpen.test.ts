/** The known-open list stays honest: every case it names is in the corpus, under its area. */
import { describe, expect, it } from 'vitest';
import { FUZZ_AREAS } from './cases/types';
import { loadCorpus } from './harness/corpus';
import { KNOWN_OPEN } from './knownOpen';

describe('knownOpen.ts', () => {
  const names = new Set(FUZZ_AREAS.flatMap((area) => loadCorpus(area).map((entry) => entry.name)));

  it.each(KNOWN_OPEN.flatMap((entry) => entry.corpus))('%s is in the corpus', (name) => {
    expect(names.has(name)).toBe(true);
  });

  it('every corpus case is filed under its own area', () => {
    for (const area of FUZZ_AREAS) for (const { name, entry } of loadCorpus(area)) expect(`${entry.area}/`, name).toBe(`${area}/`);
  });
});
