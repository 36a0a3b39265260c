import { describe, expect, it } from 'vitest';
import { formatCell, formatCount, formatExactCount, formatRate, formatTick, formatTime, formatWatermark } from './format';

describe('live figures', () => {
  it('writes an exact count with every digit, grouped by thousands, as the badges\' tooltips show it', () => {
    expect(formatExactCount(43_690_000)).toBe('43,690,000');
    expect(formatExactCount(812)).toBe('812');
    expect(formatExactCount(0)).toBe('0');
  });

  it('formats times as HH:MM:SS.mmm in UTC', () => {
    expect(formatTime(Date.UTC(2023, 10, 14, 22, 13, 20, 7))).toBe('22:13:20.007');
  });

  it('labels time-axis ticks by their spacing', () => {
    const t = Date.UTC(2023, 10, 14, 22, 13, 20, 7);
    expect(formatTick(t, 86_400_000)).toBe('2023-11-14');
    expect(formatTick(t, 300_000)).toBe('22:13');
    expect(formatTick(t, 5000)).toBe('22:13:20');
    expect(formatTick(t, 100)).toBe('22:13:20.007');
  });

  it('shows a watermark as a dash before the first, "end" at +Infinity', () => {
    expect(formatWatermark(-Infinity)).toBe('—');
    expect(formatWatermark(Infinity)).toBe('end');
    expect(formatWatermark(0)).toBe('00:00:00.000');
  });

  it('shortens counts and rates', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1k');
    expect(formatCount(1234)).toBe('1.2k');
    expect(formatCount(45_678)).toBe('46k');
    expect(formatCount(3_400_000)).toBe('3.4M');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.5)).toBe('0.5/s');
    expect(formatRate(12_500)).toBe('13k/s');
  });

  it('formats cells: times as UTC date-times, numbers to six digits, missing as a dash', () => {
    expect(formatCell(Date.UTC(2024, 0, 2, 3, 4, 5, 6), 'time')).toBe('2024-01-02 03:04:05.006');
    expect(formatCell(1 / 3, 'number')).toBe('0.333333');
    expect(formatCell(42, 'number')).toBe('42');
    expect(formatCell(null, 'string')).toBe('—');
    expect(formatCell(true, 'boolean')).toBe('true');
  });
});
