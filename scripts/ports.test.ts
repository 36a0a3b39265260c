import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_PORT, OWN_SERVER_PORT, SAMPLE_SERVER_PORT } from '../e2e/ports';
import { DEFAULT_PORT } from '../server/serverArgs';

describe('the end-to-end tests beside `npm start`', () => {
  it('use ports of their own, none of them npm start\'s', () => {
    const startPort = Number(/process\.env\.PORT \?\? (\d+)/.exec(readFileSync('scripts/start.mjs', 'utf8'))?.[1]);
    expect(startPort).toBe(5173);
    const used = [APP_PORT, SAMPLE_SERVER_PORT, OWN_SERVER_PORT];
    expect(new Set(used).size).toBe(3);
    expect(used).not.toContain(startPort);
    expect(used).not.toContain(DEFAULT_PORT);
  });

  it('never reuse a server someone else started on those ports', () => {
    const config = readFileSync('playwright.config.ts', 'utf8');
    expect(config.match(/reuseExistingServer: false/g)).toHaveLength(2);
    expect(config).not.toMatch(/reuseExistingServer: (?!false)/);
  });
});
