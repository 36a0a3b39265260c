/** Issue 12, "keep it fixed": random, damaged and deep expressions through parse, check, compile and evaluate. */
import { describe } from 'vitest';
import { expressionCase } from './gen/expressions';
import { fuzzSuite } from './harness/suite';

describe('fuzz: expressions', () => {
  fuzzSuite('expressions', expressionCase, 1500);
});
