/** The figures beside a source node's progress bar, in words. */
import type { FileProgressReport } from '../../worker/files/api';

const count = new Intl.NumberFormat('en-US');

/** 1234567 → "1.2 M", 45600 → "45.6 k", 812 → "812". */
export function shortCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)} k`;
  return String(Math.round(n));
}

/** Bytes as MB or GB (binary), for "120 MB of 1.0 GB". */
export function shortBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n >= 100 * (1 << 20) ? 0 : 1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

function duration(seconds: number): string {
  if (seconds < 1) return 'under 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The share read, 0 to 100 (whole numbers), or null when the size is unknown (gzip). */
export function percentRead(report: FileProgressReport): number | null {
  if (report.done) return 100;
  if (report.totalBytes === null || report.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((report.bytesRead / report.totalBytes) * 100));
}

/** "37 % · 120 MB of 1.0 GB · 1.2 M rows/s · 4 s left" while reading; "5,000,000 rows · 2 malformed" when done. */
export function progressText(report: FileProgressReport): string {
  const bad = report.badRows === 1 ? '1 malformed' : `${count.format(report.badRows)} malformed`;
  if (report.done) return `${count.format(report.rows)} rows · ${bad}`;
  const parts: string[] = [];
  const percent = percentRead(report);
  if (percent !== null && report.totalBytes !== null) parts.push(`${percent} %`, `${shortBytes(report.bytesRead)} of ${shortBytes(report.totalBytes)}`);
  else parts.push(`${shortBytes(report.bytesRead)} read`);
  if (report.rowsPerSecond !== null) parts.push(`${shortCount(report.rowsPerSecond)} rows/s`);
  if (report.secondsLeft !== null && report.rowsPerSecond !== null && report.rowsPerSecond > 0) parts.push(`${duration(report.secondsLeft)} left`);
  if (report.badRows > 0) parts.push(bad);
  return parts.join(' · ');
}
