/**
 * The ceiling: P2's work (filter, map, key, 1 s tumbling count/sum/avg/min/max)
 * hand-fused into one loop over the typed arrays, knowing the input is in
 * event-time order. Nothing general-purpose can beat it by much; the engine is
 * measured as a fraction of it.
 */
import type { RowBlock } from '../src/engine/batch';
import type { SinkTally } from './pipelines';

const SIZE = 1000;

function numbers(block: RowBlock, name: string): Float64Array {
  const c = block.columns[name];
  if (c?.type !== 'number') throw new Error(`no number column ${name}`);
  return c.values;
}

/** Runs P2 over a sensors block; results are written to typed arrays as the engine's are. */
export function runCeiling(block: RowBlock, withChecksum: boolean): SinkTally {
  const ts = block.time;
  const temperature = numbers(block, 'temperature');
  const humidity = numbers(block, 'humidity');
  const deviceColumn = block.columns['device'];
  if (deviceColumn?.type !== 'string') throw new Error('no device column');
  const device = deviceColumn.codes;
  // Dictionary code -> key id + 1, ids in first-seen order (as keyBy assigns them).
  const idOf = new Int32Array(deviceColumn.dict.values.length + 1);
  const cap = deviceColumn.dict.values.length;
  const count = new Float64Array(cap);
  const sum = new Float64Array(cap);
  const min = new Float64Array(cap).fill(Infinity);
  const max = new Float64Array(cap).fill(-Infinity);
  const out = { start: new Float64Array(cap), key: new Int32Array(cap), n: new Float64Array(cap), sum: new Float64Array(cap), avg: new Float64Array(cap), min: new Float64Array(cap), max: new Float64Array(cap) };
  const tally: SinkTally = { rows: 0, checksum: 0 };
  let keys = 0;
  let windowStart = 0;
  let windowEnd = -Infinity;

  function fire(): void {
    let r = 0;
    for (let k = 0; k < keys; k++) {
      const n = count[k]!;
      if (n === 0) continue;
      out.start[r] = windowStart;
      out.key[r] = k;
      out.n[r] = n;
      out.sum[r] = sum[k]!;
      out.avg[r] = sum[k]! / n;
      out.min[r] = min[k]!;
      out.max[r] = max[k]!;
      if (withChecksum) tally.checksum += n + sum[k]! + sum[k]! / n + min[k]! + max[k]!;
      r++;
      count[k] = 0;
      sum[k] = 0;
      min[k] = Infinity;
      max[k] = -Infinity;
    }
    tally.rows += r;
  }

  for (let i = 0; i < block.length; i++) {
    const t = ts[i]!;
    if (t >= windowEnd) {
      fire();
      windowStart = t - (((t % SIZE) + SIZE) % SIZE);
      windowEnd = windowStart + SIZE;
    }
    if (!(humidity[i]! > 35)) continue;
    const x = temperature[i]! * 1.8 + 32;
    const slot = device[i]! + 1;
    let id = idOf[slot]!;
    if (id === 0) id = idOf[slot] = ++keys;
    const k = id - 1;
    count[k]!++;
    sum[k]! += x;
    if (x < min[k]!) min[k] = x;
    if (x > max[k]!) max[k] = x;
  }
  fire();
  return tally;
}
