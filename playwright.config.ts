import { defineConfig, devices } from '@playwright/test';

const onCI = Boolean(process.env.CI);
const port = 4173;
/** The sample server the app looks for by default (see src/editor/sampleServer/serverUrl.ts). */
const samplePort = 8787;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: onCI,
  retries: onCI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: onCI ? 'on-first-retry' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: the CI machine cannot download Playwright's own browser builds.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
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
      reuseExistingServer: !onCI,
      timeout: 60_000,
    },
    {
      command: `npx tsx server/main.ts --port ${samplePort}`,
      url: `http://localhost:${samplePort}/health`,
      reuseExistingServer: !onCI,
      timeout: 60_000,
    },
  ],
});
