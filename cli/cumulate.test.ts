import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

const root = resolve(import.meta.dirname, '..');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function runDocument(document: unknown): Promise<Record<string, unknown>[]> {
  const io = memoryIo();
  io.files.set('doc.json', JSON.stringify(document));
  const code = await main(['run', 'doc.json'], io);
  expect(code, io.err.join('')).toBe(0);
  return ndjson(io.out.join(''));
}

describe('cumulate windows through the CLI', () => {
  it('totals each region\'s orders since midnight at every hour in the revenue example, as a plain loop over its CSV does', async () => {
    const path = resolve(root, 'examples/revenue-so-far-today.json');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { nodes: { id: string; params: Record<string, unknown> }[] };
    const csv = String(doc.nodes.find((n) => n.id === 'orders')!.params['data']);
    const orders = csv.trim().split('\n').slice(1).map((line) => {
      const [ts, region, amount] = line.split(',');
      return { t: Date.parse(ts!), region: region!, amount: Number(amount) };
    });
    // The expectation, computed without the engine: for every UTC day, region and hour h,
    // the orders from midnight up to the end of hour h; only windows with an order fire.
    const expected: Record<string, unknown>[] = [];
    const days = [...new Set(orders.map((o) => Math.floor(o.t / DAY) * DAY))].sort((a, b) => a - b);
    const regions = [...new Set(orders.map((o) => o.region))].sort();
    for (const day of days) {
      for (let h = 1; h <= 24; h++) {
        for (const region of regions) {
          const inside = orders.filter((o) => o.region === region && o.t >= day && o.t < day + h * HOUR);
          if (inside.length === 0) continue;
          expected.push({
            window_start: day, window_end: day + h * HOUR, region, orders: inside.length,
            revenue: inside.reduce((s, o) => s + o.amount, 0), biggest: Math.max(...inside.map((o) => o.amount)), revision: 0,
          });
        }
      }
    }
    const io = memoryIo();
    expect(await main(['run', path], io)).toBe(0);
    const rows = ndjson(io.out.join('')).filter((r) => r['sink'] === 'hourTable').map(({ sink: _, ...rest }) => rest);
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      (a['window_end'] as number) - (b['window_end'] as number) || String(a['region']).localeCompare(String(b['region']));
    rows.sort(order);
    expect(rows.map((r) => [r['window_start'], r['window_end'], r['region'], r['orders'], r['biggest'], r['revision']]))
      .toEqual(expected.map((r) => [r['window_start'], r['window_end'], r['region'], r['orders'], r['biggest'], r['revision']]));
    rows.forEach((r, i) => expect(r['revenue'] as number).toBeCloseTo(expected[i]!['revenue'] as number, 9));
    // Two days of three regions, hour by hour; a day's last window holds the whole day.
    expect(days).toHaveLength(2);
    expect(rows.length).toBeGreaterThan(130);
    const lastOfDay = rows.filter((r) => r['window_end'] === days[0]! + DAY);
    expect(lastOfDay.reduce((n, r) => n + (r['orders'] as number), 0)).toBe(orders.filter((o) => o.t < days[0]! + DAY).length);
  });

  it('starts each period at the offset: 5h puts New York\'s winter midnight (05:00 UTC) at every window start', async () => {
    const rows = await runDocument({
      format: 'windowpane.pipeline', version: 1, name: 'offset',
      nodes: [
        { id: 'f', kind: 'source.file', params: { format: 'csv', eventTime: 'ts', data: 'ts,v\n2024-03-04T06:30:00Z,1\n2024-03-04T07:10:00Z,2\n2024-03-05T04:59:59Z,4\n2024-03-05T05:00:00Z,8' } },
        { id: 'w', kind: 'window.cumulate', params: { step: '1h', maxSize: '1d', offset: '5h' } },
        { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 's', fn: 'sum', field: 'v' }] } },
        { id: 'out', kind: 'sink.collect' },
      ],
      edges: [{ id: 'e1', from: 'f', to: 'w' }, { id: 'e2', from: 'w', to: 'a' }, { id: 'e3', from: 'a', to: 'out' }],
    });
    const day1 = Date.parse('2024-03-04T05:00:00Z');
    const day2 = Date.parse('2024-03-05T05:00:00Z');
    // Day 1: hours 2..24 of the period hold the 06:30 event, hours 3..24 the 07:10 one too, and hour 24 the 04:59:59 one.
    const expected = [
      ...Array.from({ length: 23 }, (_, i) => [day1, day1 + (i + 2) * HOUR, i === 0 ? 1 : i === 22 ? 7 : 3]),
      ...Array.from({ length: 24 }, (_, i) => [day2, day2 + (i + 1) * HOUR, 8]),
    ];
    expect(rows.map((r) => [r['window_start'], r['window_end'], r['s']])).toEqual(expected);
  });

  it('revises a fired window for a late event within the allowed lateness, and sends one past every window of its period to the late port', async () => {
    const io = memoryIo();
    // In arrival order; watermark = newest time - 1 ms. Steps of 10 s up to 30 s, 5 s allowed lateness.
    const data = ['t,v', '1000,1', '12000,2', '22000,4', '15000,8', '40000,16', '5000,32'].join('\n');
    io.files.set('doc.json', JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'late',
      nodes: [
        { id: 'f', kind: 'source.file', params: { format: 'csv', eventTime: 't', timeFormat: 'epochMillis', data } },
        { id: 'w', kind: 'window.cumulate', params: { step: '10s', maxSize: '30s', allowedLateness: '5s' } },
        { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'v' }] } },
        { id: 'out', kind: 'sink.collect' },
        { id: 'tooLate', kind: 'sink.collect' },
      ],
      edges: [{ id: 'e1', from: 'f', to: 'w' }, { id: 'e2', from: 'w', to: 'a' }, { id: 'e3', from: 'a', to: 'out' }, { id: 'e4', from: 'w', to: 'tooLate', fromPort: 'late' }],
    }));
    expect(await main(['run', 'doc.json', '--out', 'out.ndjson', '--late', 'late.ndjson'], io)).toBe(0);
    const rows = ndjson(io.files.get('out.ndjson')!).filter((r) => r['sink'] === 'out').map((r) => [r['window_start'], r['window_end'], r['n'], r['s'], r['revision']]);
    expect(rows).toEqual([
      [0, 10_000, 1, 1, 0], // fires when 12000 arrives
      [0, 20_000, 2, 3, 0], // fires when 22000 arrives
      [0, 20_000, 3, 11, 1], // 15000 is late for [0, 20 s) but within 5 s of its end: a revision
      [0, 30_000, 4, 15, 0], // fires when 40000 arrives
      [30_000, 50_000, 1, 16, 0], // the next period; [30 s, 40 s) holds nothing and stays silent
      [30_000, 60_000, 1, 16, 0],
    ]);
    // 5000 arrives at watermark 39999: every window of its period ended more than 5 s before.
    expect(ndjson(io.files.get('late.ndjson')!).map((r) => [r['t'], r['v']])).toEqual([[5000, 32]]);
  });

  it('reproduces the CUMULATE example of Flink\'s documentation (2-minute steps up to 10 minutes over the Bid table)', async () => {
    // Flink's Bid table (bidtime, price, item), with its watermark bidtime - 1 second.
    const bids = [
      ['08:05', 4, 'C'], ['08:07', 2, 'A'], ['08:09', 5, 'D'], ['08:11', 3, 'B'], ['08:13', 1, 'E'], ['08:17', 6, 'F'],
    ].map(([time, price, item]) => `2020-04-15T${String(time)}:00Z,${String(price)},${String(item)}`);
    const rows = await runDocument({
      format: 'windowpane.pipeline', version: 1, name: 'Flink CUMULATE',
      nodes: [
        { id: 'bid', kind: 'source.file', params: { format: 'csv', eventTime: 'bidtime', maxOutOfOrderness: '1s', data: ['bidtime,price,item', ...bids].join('\n') } },
        { id: 'w', kind: 'window.cumulate', params: { step: '2m', maxSize: '10m' } },
        { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'total_price', fn: 'sum', field: 'price' }] } },
        { id: 'out', kind: 'sink.collect' },
      ],
      edges: [{ id: 'e1', from: 'bid', to: 'w' }, { id: 'e2', from: 'w', to: 'a' }, { id: 'e3', from: 'a', to: 'out' }],
    });
    const at = (hhmm: string) => Date.parse(`2020-04-15T${hhmm}:00Z`);
    expect(rows.map((r) => [r['window_start'], r['window_end'], r['total_price']])).toEqual([
      [at('08:00'), at('08:06'), 4],
      [at('08:00'), at('08:08'), 6],
      [at('08:00'), at('08:10'), 11],
      [at('08:10'), at('08:12'), 3],
      [at('08:10'), at('08:14'), 4],
      [at('08:10'), at('08:16'), 4],
      [at('08:10'), at('08:18'), 10],
      [at('08:10'), at('08:20'), 10],
    ]);
  });
});
