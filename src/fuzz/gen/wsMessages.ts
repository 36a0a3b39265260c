/**
 * WebSocket messages: objects, arrays and NDJSON batches of events against a
 * declared field list, with wrong types, missing and extra fields, odd times,
 * `__proto__` keys, broken JSON, empty messages and deep nesting.
 */
import fc from 'fast-check';
import type { WsMessageCase } from '../cases/wsMessage';
import type { TextSpec } from '../cases/materialize';
import { heldBack } from '../knownOpen';
import { PROTO_NAMES, hostileValue } from './hostile';

const SANE_TIMES = [1_700_000_000_000, 1_700_000_000_999, 0, -1, '2024-01-01T00:00:00Z', 1_700_000_000, '', null, 'soon'] as const;
const ABSURD_TIMES = [1e20, 1e308, -1e308, 8.64e15 + 1, 1e15, '+275760-09-13T00:00:00.001Z'] as const;
const time = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1_699_999_000_000, max: 1_700_001_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...SANE_TIMES, ...(heldBack('absurdTimes') ? [] : ABSURD_TIMES)) },
);

const FIELD_NAMES = ['v', 'k', 'flag', 'at', '__proto__', 'constructor', 'a.b', 'nested.x'] as const;
const fieldType = fc.constantFrom<'number' | 'string' | 'boolean' | 'time'>('number', 'string', 'boolean', 'time');
const fields = fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { maxLength: 4 }).chain((names) =>
  fc.array(fieldType, { minLength: names.length, maxLength: names.length }).map((types) => [{ name: 'ts', type: 'time' as const }, ...names.map((name, i) => ({ name, type: types[i]! }))]));

/** One event as JSON text: the time, then values keyed by declared, prototype and stray names. */
const event = fc.tuple(time, fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES, ...PROTO_NAMES, 'extra', 'ts'), hostileValue), { maxLength: 5 }), fc.boolean())
  .map(([ts, pairs, withTime]) => {
    const parts = [...(withTime ? [`"ts":${JSON.stringify(ts) ?? 'null'}`] : []), ...pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`)];
    return `{${parts.join(',')}}`;
  });

const deepMessage = fc.tuple(fc.integer({ min: 1, max: heldBack('deepNesting') ? 200 : 100_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, shape]): TextSpec => ({ $fuzz: 'deepText', depth, shape, before: '{"ts":1700000000000,"v":', after: '}' }));

const message: fc.Arbitrary<TextSpec> = fc.oneof(
  { weight: 3, arbitrary: event },
  { weight: 2, arbitrary: fc.array(event, { maxLength: 5 }).map((events) => `[${events.join(',')}]`) },
  { weight: 2, arbitrary: fc.array(fc.oneof(event, fc.constantFrom('', 'not json', '[1]', '{')), { maxLength: 5 }).map((lines) => lines.join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '1', '"x"', '[]', '[1,{}]', '{"ts":', '\uFEFF{}', '{"__proto__":{"ts":1}}', '{"ts":1}\r\n{"ts":2}') },
  { weight: 1, arbitrary: deepMessage },
);

export const wsMessageCase: fc.Arbitrary<WsMessageCase> = fc.record({
  messages: fc.array(message, { minLength: 1, maxLength: 6 }),
  format: fc.constantFrom<WsMessageCase['format']>('auto', 'object', 'array', 'ndjson'),
  fields,
  eventTime: fc.constant('ts'),
  timeFormat: fc.constantFrom<WsMessageCase['timeFormat']>('auto', 'auto', 'epochMillis', 'epochSeconds', 'iso'),
});
