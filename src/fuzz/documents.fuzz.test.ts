/**
 * Issue 12, "keep it fixed": generated and mutated pipeline documents through
 * parse, migrate, validate and a bounded run. See harness/ and README's
 * "Fuzz suite" for seeds, the corpus and FUZZ_RUNS.
 */
import { describe, expect, it } from 'vitest';
import { bundledExamples } from '../app/examples';
import { documentCase } from './gen/documentCases';
import { fuzzSuite } from './harness/suite';

describe('fuzz: pipeline documents', () => {
  it('starts from the bundled examples as well as generated documents', () => {
    expect(bundledExamples.length).toBeGreaterThan(0);
  });

  fuzzSuite('documents', documentCase(bundledExamples.map((example) => example.document)), 2500);
});
