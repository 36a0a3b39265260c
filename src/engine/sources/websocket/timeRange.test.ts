import { describe, expect, it } from 'vitest';
import { eventTimeRange } from '../../../model';
import type { Field } from '../../batch';
import type { WebsocketSourceSpec } from '../../plan/types';
import { createMessageSource } from './messageSource';

const FIELDS: Field[] = [{ name: 'ts', type: 'time' }, { name: 'v', type: 'number' }];

function spec(overrides: Partial<WebsocketSourceSpec> = {}): WebsocketSourceSpec {
  return { url: 'ws://localhost:1/x', format: 'auto', fields: FIELDS, eventTime: 'ts', timeFormat: 'epochMillis', boundMs: 0, queueLimit: 100, ...overrides };
}

/** Issue 12, item 3: an absurd event time in a message is a dead letter naming its message, and the source goes on. */
describe('WebSocket sources refuse event times outside the accepted years', () => {
  it('counts 1e20, 1e308 and -1e308 as dead letters with their message numbers', () => {
    const source = createMessageSource('ws', spec());
    source.offer('{"ts":1700000000000,"v":1}');
    source.offer('{"ts":1e20,"v":2}');
    source.offer('[{"ts":1e308,"v":3},{"ts":1700000000001,"v":4}]');
    source.offer('{"ts":-1e308,"v":5}\n{"ts":1700000000002,"v":6}');
    const stats = source.stats();
    expect(stats.deadLetters).toBe(3);
    expect(stats.lastDeadLetters.map((d) => `message ${d.message}: ${d.reason}`)).toEqual([
      'message 2: event time "ts": 100000000000000000000 is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)',
      'message 3: event time "ts": 1e+308 is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)',
      'message 4: event time "ts": -1e+308 is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)',
    ]);
    expect(Array.from(source.next(10)!.time)).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
  });

  it('follows the configured range, in auto format too', () => {
    const source = createMessageSource('ws', spec({ timeFormat: 'auto', timeRange: eventTimeRange(2000, 2010) }));
    source.offer('{"ts":"1999-12-31T23:59:59.999Z"}');
    source.offer('{"ts":"2000-01-01T00:00:00Z"}');
    source.offer('{"ts":"2010-12-31T23:59:59.999Z"}');
    source.offer('{"ts":"2011-01-01T00:00:00Z"}');
    expect(source.stats().lastDeadLetters.map((d) => d.message)).toEqual([1, 4]);
    expect(source.next(10)!.length).toBe(2);
  });
});
