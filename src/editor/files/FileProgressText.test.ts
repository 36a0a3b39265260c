import { describe, expect, it } from 'vitest';
import type { FileProgressReport } from '../../worker/files/api';
import { percentRead, progressText } from './FileProgressText';

const reading: FileProgressReport = { bytesRead: 384 << 20, totalBytes: 1 << 30, rows: 12_000_000, badRows: 0, rowsPerSecond: 1_250_000, secondsLeft: 4.2, done: false };

describe('the progress figures', () => {
  it('say the share, the bytes, the rate and the time left while reading', () => {
    expect(percentRead(reading)).toBe(37);
    expect(progressText(reading)).toBe('37 % · 384 MB of 1.0 GB · 1.3 M rows/s · 4 s left');
  });

  it('leave out what is not known: the size of a gzip file, a rate before the second sample', () => {
    const gz = { ...reading, totalBytes: null, rowsPerSecond: null, secondsLeft: null, badRows: 1 };
    expect(percentRead(gz)).toBeNull();
    expect(progressText(gz)).toBe('384 MB read · 1 malformed');
  });

  it('say the rows and the malformed rows when done', () => {
    const done = { ...reading, bytesRead: 1 << 30, rows: 5_000_000, badRows: 2, done: true };
    expect(percentRead(done)).toBe(100);
    expect(progressText(done)).toBe('5,000,000 rows · 2 malformed');
  });
});
