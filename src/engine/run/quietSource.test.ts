import { describe, expect, it } from 'vitest';
import { quietSource } from './quietSource';
import { createSourceRuntime } from './sources';

const params = { stream: 'sensors' as const, rate: 100, keys: 2, limit: 1000, seed: 1, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 };

describe('a sample stream told to go quiet', () => {
  it('stops after exactly quietAfter events whatever the batch size, keeps its watermark, and goes on where it stopped once quietFor has passed', () => {
    for (const batch of [1, 7, 64, 1000]) {
      let clock = 0;
      const inner = createSourceRuntime({ type: 'sampleSource', nodeId: 's', params });
      const source = quietSource(inner, { afterEvents: 150, forMs: 5000 }, () => clock);
      const times: number[] = [];
      let last = -Infinity;
      while (times.length < 150) {
        const b = source.next(batch)!;
        for (let i = 0; i < b.length; i++) times.push(b.time[i]!);
        last = b.endWatermark;
      }
      expect(times).toHaveLength(150);
      clock = 100;
      const quiet = source.next(batch)!;
      expect([quiet.length, quiet.endWatermark, source.quiet]).toEqual([0, last, true]);
      clock = 5099;
      expect(source.next(batch)!.length).toBe(0);
      clock = 5100;
      expect(source.quiet).toBe(false);
      const resumed = source.next(batch)!;
      expect(resumed.length).toBe(Math.min(batch, 1000 - 150));
      expect(resumed.time[0]).toBe(params.startTime + 150 * 10);
    }
  });

  it('goes on after a snapshot, structuredClone and restore exactly as without one', () => {
    const names = { nameOf: () => 'd' };
    const run = (cutAt: number | null): number[] => {
      let clock = 0;
      const make = () => quietSource(createSourceRuntime({ type: 'sampleSource', nodeId: 's', params }), { afterEvents: 40, forMs: 1000 }, () => clock);
      let source = make();
      const times: number[] = [];
      for (let step = 0; step < 30; step++, clock += 100) {
        if (step === cutAt) {
          const state = structuredClone(source.snapshot(names));
          source = make();
          source.restore(state, { dictNamed: () => undefined });
        }
        const b = source.next(9)!;
        for (let i = 0; i < b.length; i++) times.push(b.time[i]!);
      }
      return times;
    };
    const straight = run(null);
    for (const cut of [1, 4, 5, 8, 14, 20]) expect(run(cut)).toEqual(straight);
  });
});
