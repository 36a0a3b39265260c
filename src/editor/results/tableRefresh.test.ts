import { describe, expect, it } from 'vitest';
import { TABLE_REFRESH_MS, TABLE_REFRESH_POURING_MS, tableRefreshMs } from './tableRefresh';

describe('tableRefreshMs', () => {
  it('refreshes a table at most twice a second while a run at Max pours rows in', () => {
    expect(tableRefreshMs('running', 'max')).toBe(TABLE_REFRESH_POURING_MS);
    expect(TABLE_REFRESH_POURING_MS).toBeGreaterThanOrEqual(500);
  });

  it('keeps four a second at any other speed, and when the run pauses, ends or fails', () => {
    for (const speed of [1, 10, 100] as const) expect(tableRefreshMs('running', speed)).toBe(TABLE_REFRESH_MS);
    for (const phase of ['idle', 'paused', 'finished', 'failed'] as const) expect(tableRefreshMs(phase, 'max')).toBe(TABLE_REFRESH_MS);
  });
});
