import { chromium, defineConfig, devices } from '@playwright/test';
import { findBrowser } from './scripts/findBrowser.mjs';
import { APP_PORT, SAMPLE_SERVER_PORT } from './e2e/ports';

const onCI = Boolean(process.env.CI);
// Playwright's own Chromium when installed, else Debian's (`npm run test:e2e` says what to install when neither is).
const browser = findBrowser(chromium.executablePath());
const executablePath = 'path' in browser ? browser.path : undefined;
const port = APP_PORT;
/** The tests' own sample server; the preview server tells the app its port (scripts/runtimeConfig.ts). */
const samplePort = SAMPLE_SERVER_PORT;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: onCI,
  // No retries anywhere: a test that needs one is a bug to find, not to hide.
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: onCI ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-gpu',
          ],
        },
      },
    },
  ],
  // `npm test` runs `npm run build` first; this only serves dist/. The sample
  // server feeds WebSocket sources and the palette's live streams.
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      env: { WINDOWPANE_SERVER_PORT: String(samplePort) },
      // Never another process's server: on these ports only this run's servers can answer.
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx server/main.ts --port ${samplePort} --data-dir .windowpane-data/e2e-${samplePort}`,
      url: `http://localhost:${samplePort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
