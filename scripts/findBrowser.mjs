// Which Chromium the end-to-end tests drive: WINDOWPANE_CHROMIUM when set, else Playwright's own
// build when `npx playwright install chromium` has put it there, else Debian's at /usr/bin/chromium.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser to launch: `{ path }` (undefined path: Playwright's own), or `{ missing }` with
 * the exact commands that install one.
 * @param {string} playwrightPath where Playwright's own Chromium would be
 * @param {NodeJS.ProcessEnv} env
 * @param {(path: string) => boolean} exists
 * @returns {{ path: string | undefined } | { missing: string }}
 */
export function findBrowser(playwrightPath, env = process.env, exists = existsSync) {
  const chosen = env.WINDOWPANE_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    return exists(chosen) ? { path: chosen } : { missing: `WINDOWPANE_CHROMIUM is set to '${chosen}', which does not exist.` };
  }
  if (exists(playwrightPath)) return { path: undefined };
  if (exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  return {
    missing: [
      'The end-to-end tests need Chromium, and none was found.',
      'Install one of these, then run `npm test` again:',
      '  Debian or Ubuntu, as root:  apt-get update && apt-get install -y chromium',
      '  anywhere else:              npx playwright install chromium',
      'or set WINDOWPANE_CHROMIUM to the path of a Chromium or Chrome binary.',
    ].join('\n'),
  };
}
