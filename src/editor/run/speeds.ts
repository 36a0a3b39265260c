/** The speeds the speed control offers, slowest first, and how they read. */
import { MAX_PACED_SPEED, MIN_SPEED, type RunSpeed } from '../../worker/protocol';

export const SPEEDS: readonly RunSpeed[] = [MIN_SPEED, 0.25, 0.5, 1, 2, 5, 10, 25, 50, MAX_PACED_SPEED, 'max'];

/** `0.5x`, `10x`, `Max`. */
export function speedLabel(speed: RunSpeed): string {
  return speed === 'max' ? 'Max' : `${speed}x`;
}

/** Reads a speed back from its option value. */
export function parseSpeed(value: string): RunSpeed {
  if (value === 'max') return 'max';
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(MAX_PACED_SPEED, Math.max(MIN_SPEED, n)) : 1;
}
