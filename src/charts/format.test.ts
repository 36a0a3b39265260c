import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell, formatCount, formatExactCount, formatFieldNumber, formatFieldValue, formatRate, formatTick, formatTime, formatWatermark } from './format';

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

describe('raw field values', () => {
  it('writes whole numbers with every digit, so an epoch-ms field agrees with the event time to the millisecond', () => {
    expect(formatFieldNumber(1_700_000_000_404)).toBe('1700000000404');
    expect(formatFieldNumber(1_700_000_000_115)).toBe('1700000000115');
    expect(formatFieldNumber(-1_700_000_000_285)).toBe('-1700000000285');
    expect(formatFieldNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(formatFieldNumber(1e22)).toBe('10000000000000000000000');
    expect(formatTime(1_700_000_000_404).endsWith(formatFieldNumber(1_700_000_000_404).slice(-3))).toBe(true);
  });

  it('writes fractions as read from a file, up to 15 significant digits, and drops arithmetic noise', () => {
    expect(formatFieldNumber(21.99)).toBe('21.99');
    expect(formatFieldNumber(1_700_000_000.404123)).toBe('1700000000.40412');
    expect(formatFieldNumber(Math.PI * 7)).toBe('21.9911485751286');
    expect(formatFieldNumber(8726.660000000002)).toBe('8726.66');
    expect(formatFieldNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatFieldNumber(1.5e-10)).toBe('1.5e-10');
    expect(formatFieldNumber(NaN)).toBe('NaN');
    expect(formatFieldNumber(-Infinity)).toBe('-Infinity');
  });

  it('reads every decimal of up to 15 significant digits back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: -20, max: 20 }), (digits, exponent) => {
        const value = Number(`${digits}e${exponent}`);
        expect(Number(formatFieldNumber(value))).toBe(value);
      }),
    );
  });

  it('leaves strings, booleans and missing values as they are', () => {
    expect(formatFieldValue('sensor-001')).toBe('sensor-001');
    expect(formatFieldValue(true)).toBe('true');
    expect(formatFieldValue(null)).toBe('null');
  });

  it('lets a preview cell show a number exactly where a live table rounds it', () => {
    expect(formatCell(Math.PI * 7, 'number')).toBe('21.9911');
    expect(formatCell(Math.PI * 7, 'number', formatFieldNumber)).toBe('21.9911485751286');
    expect(formatCell(1_700_000_000_404, 'time', formatFieldNumber)).toBe('2023-11-14 22:13:20.404');
  });
});
