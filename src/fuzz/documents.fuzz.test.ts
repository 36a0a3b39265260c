/**
 * Issue 12, "keep it fixed": generated and mutated pipeline documents through
 * parse, migrate, validate and a bounded run. See harness/ and README's
 * "Fuzz suite" for seeds, the corpus and FUZZ_RUNS.
 */
import { describe, expect, it } from 'vitest';
import { documentCase } from './gen/documentCases';
import { fuzzSuite } from './harness/suite';

// The shipped examples, read as the app's gallery reads them (its own glob: src/fuzz sits outside the editor's layer).
const examples: unknown[] = Object.values(import.meta.glob('../../examples/*.json', { eager: true, import: 'default' }));

describe('fuzz: pipeline documents', () => {
  it('starts from the bundled examples as well as generated documents', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  fuzzSuite('documents', documentCase(examples), 2500);
});
