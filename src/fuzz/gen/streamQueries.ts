/**
 * Sample-server queries: the known parameters with good, edge and absurd
 * values, unknown and repeated parameters, odd encodings, and stream names
 * that do not exist.
 */
import fc from 'fast-check';
import type { StreamQueryCase } from '../cases/streamQuery';
import { heldBack } from '../knownOpen';
import { NUMBER_LIKE_TEXT, PROTO_NAMES } from './hostile';

const PARAMS = ['rate', 'seed', 'keys', 'maxOutOfOrderness', 'lateFraction', 'limit', 'startTime', 'batch', 'speed', 'format', 'corrupt'] as const;

/** A start at the very end of the Date range is issue 12 item 3 (knownOpen.ts) while it is open. */
const DATE_EDGE = heldBack('absurdTimes') ? [] : ['8640000000000000', '-8640000000000000'];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '-1', '0.5', '10', '1000', '1e6', '1e7', '1e9', '2147483648', '9007199254740993', ...DATE_EDGE, '8640000000000001', '5s', '1d', '2d', '100d', '0.0000001ms', 'max', 'now', 'ndjson', 'array', 'json') },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_LIKE_TEXT) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }).map(String) },
  // Tiny and huge doubles (rate=5e-324) are issue 12 item 4 while it is open.
  { weight: 1, arbitrary: (heldBack('hugeParams') ? fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => n === 0 || Math.abs(n) >= 1e-3) : fc.double({ noNaN: true })).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const pair = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES, '', 'RATE', 'rate ', 'x') }), value);

export const streamQueryCase: fc.Arbitrary<StreamQueryCase> = fc.record({
  stream: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('sensors', 'clicks', 'payments', 'trades', 'bids') }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES, '', 'Sensors', '%00', 'x'.repeat(300)) }),
  pairs: fc.array(pair, { maxLength: 5 }),
}).map(({ stream, pairs }) => ({ stream, query: new URLSearchParams(pairs).toString() }));
