import { describe, expect, it } from 'vitest';
import { layoutPositions } from './autoLayout';

const box = (id: string) => ({ id, width: 200, height: 60 });

describe('layoutPositions', () => {
  it('lays a chain out left to right from the origin', async () => {
    const positions = await layoutPositions(
      [box('sink'), box('src'), box('win'), box('agg')],
      [{ id: 'e1', from: 'src', to: 'win' }, { id: 'e2', from: 'win', to: 'agg' }, { id: 'e3', from: 'agg', to: 'sink' }],
      { x: 100, y: 50 },
    );
    const xs = ['src', 'win', 'agg', 'sink'].map((id) => positions.get(id)!.x);
    expect(xs[0]).toBe(100);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(200);
  });

  it('puts branches of one node on separate rows', async () => {
    const positions = await layoutPositions(
      [box('w'), box('agg'), box('log')],
      [{ id: 'e1', from: 'w', to: 'agg' }, { id: 'e2', from: 'w', to: 'log' }],
    );
    expect(positions.get('agg')!.x).toBe(positions.get('log')!.x);
    expect(Math.abs(positions.get('agg')!.y - positions.get('log')!.y)).toBeGreaterThanOrEqual(60);
  });

  it('answers an empty canvas with no positions', async () => {
    expect((await layoutPositions([], [])).size).toBe(0);
  });
});
