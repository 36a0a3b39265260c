import { test as base } from '@playwright/test';
import { readExampleFiles, type ExampleFile } from './exampleFiles';
import { AppPage } from './pages/AppPage';
import { EditorPage } from './pages/EditorPage';

interface Fixtures {
  /** The app's page object; call `app.goto()` to open it. */
  app: AppPage;
  /**
   * The editor's page object, with clipboard access granted (copy and paste
   * go through the system clipboard); call `editor.goto()` to open it.
   */
  editor: EditorPage;
  /** Console errors and uncaught exceptions, collected from before the first navigation. */
  consoleErrors: string[];
  /** The files in examples/, read from disk. */
  exampleFiles: readonly ExampleFile[];
}

export const test = base.extend<Fixtures>({
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
  editor: async ({ page, context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(new EditorPage(page));
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    await use(errors);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  exampleFiles: async ({}, use) => {
    await use(readExampleFiles());
  },
});

export { expect } from '@playwright/test';
