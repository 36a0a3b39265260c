import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, findBrowser } from './findBrowser.mjs';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findBrowser', () => {
  it('prefers Playwright\'s own Chromium, then Debian\'s', () => {
    expect(findBrowser('/pw/chrome', {}, only('/pw/chrome', DEBIAN_CHROMIUM))).toEqual({ path: undefined });
    expect(findBrowser('/pw/chrome', {}, only(DEBIAN_CHROMIUM))).toEqual({ path: DEBIAN_CHROMIUM });
  });

  it('takes WINDOWPANE_CHROMIUM first, and says when it does not exist', () => {
    expect(findBrowser('/pw/chrome', { WINDOWPANE_CHROMIUM: '/opt/chrome' }, only('/opt/chrome', '/pw/chrome'))).toEqual({ path: '/opt/chrome' });
    expect(findBrowser('/pw/chrome', { WINDOWPANE_CHROMIUM: '/opt/chrome' }, only())).toEqual({ missing: expect.stringContaining("'/opt/chrome'") });
  });

  it('says exactly what to install when there is none', () => {
    const found = findBrowser('/pw/chrome', {}, only());
    expect(found).toEqual({ missing: expect.stringContaining('apt-get install -y chromium') });
    expect(found).toEqual({ missing: expect.stringContaining('npx playwright install chromium') });
  });
});
