import { describe, expect, it } from 'vitest';
import { formatTime } from '../../charts/format';
import { fieldsText } from './fieldsText';

describe('fieldsText', () => {
  it("shows an event's epoch-ms field with every digit, agreeing with its event time", () => {
    const text = fieldsText({ ts: 1_700_000_000_404, device: 'sensor-001', temperature: 21.99, humidity: 56.34 });
    expect(text).toBe('ts=1700000000404, device=sensor-001, temperature=21.99, humidity=56.34');
    expect(formatTime(1_700_000_000_404)).toBe('22:13:20.404');
  });

  it('leaves out the window fields of a result and drops floating-point noise from its sums', () => {
    const result = { window_start: 0, window_end: 60_000, revision: 0, device: 'a', revenue: 8726.660000000002, count: 3906 };
    expect(fieldsText(result, new Set(['window_start', 'window_end', 'revision']))).toBe('device=a, revenue=8726.66, count=3906');
  });
});
