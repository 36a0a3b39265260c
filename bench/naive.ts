/**
 * The floor: P2 as straightforward JavaScript with an object per event and a
 * Map per window, the code one writes before thinking about columns.
 */
import type { SensorEvent } from './inputs';
import type { SinkTally } from './pipelines';

const SIZE = 1000;

interface Acc {
  n: number;
  sum: number;
  min: number;
  max: number;
}

interface Result {
  start: number;
  device: string;
  n: number;
  sum: number;
  avg: number;
  min: number;
  max: number;
}

/** Runs P2 over the events. */
export function runNaive(events: readonly SensorEvent[], withChecksum: boolean): SinkTally {
  const tally: SinkTally = { rows: 0, checksum: 0 };
  const windows = new Map<number, Map<string, Acc>>();
  let watermark = -Infinity;

  const fire = (w: number): void => {
    for (const [start, byDevice] of windows) {
      if (start + SIZE - 1 > w) continue;
      const results: Result[] = [];
      for (const [device, a] of byDevice) results.push({ start, device, n: a.n, sum: a.sum, avg: a.sum / a.n, min: a.min, max: a.max });
      windows.delete(start);
      tally.rows += results.length;
      if (withChecksum) for (const r of results) tally.checksum += r.n + r.sum + r.avg + r.min + r.max;
    }
  };

  for (const e of events) {
    if (!(e.humidity > 35)) continue;
    const reading = { ...e, temp_f: e.temperature * 1.8 + 32 };
    const start = reading.ts - (((reading.ts % SIZE) + SIZE) % SIZE);
    if (start + SIZE - 1 <= watermark) continue; // late
    let byDevice = windows.get(start);
    if (byDevice === undefined) windows.set(start, (byDevice = new Map()));
    const acc = byDevice.get(reading.device);
    if (acc === undefined) byDevice.set(reading.device, { n: 1, sum: reading.temp_f, min: reading.temp_f, max: reading.temp_f });
    else {
      acc.n++;
      acc.sum += reading.temp_f;
      acc.min = Math.min(acc.min, reading.temp_f);
      acc.max = Math.max(acc.max, reading.temp_f);
    }
    if (reading.ts - 1 > watermark) {
      watermark = reading.ts - 1;
      fire(watermark);
    }
  }
  fire(Infinity);
  return tally;
}
