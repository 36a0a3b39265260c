/** Issue 12, "keep it fixed": CSV, NDJSON and JSON-array rows through the file source and a window. */
import { describe } from 'vitest';
import { fileRowsCase } from './gen/fileRows';
import { fuzzSuite } from './harness/suite';

describe('fuzz: file-source rows', () => {
  fuzzSuite('fileRows', fileRowsCase, 600);
});
