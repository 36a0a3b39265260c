import { expect, test } from './fixtures';

test.describe('the application shell', () => {
  test('loads with its title, wordmark and tagline', async ({ app, page }) => {
    // The tagline gives its room to the run toolbar below 1680 px (src/app/app.css).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.goto();
    await expect(page).toHaveTitle('Windowpane');
    await expect(app.wordmark).toBeVisible();
    await expect(app.tagline).toBeVisible();
  });

  test('shows the editor: documents bar, palette, canvas, inspector and problems', async ({ app }) => {
    await app.goto();
    await expect(app.documentsBar).toBeVisible();
    await expect(app.palette).toBeVisible();
    await expect(app.canvas).toBeVisible();
    await expect(app.inspector).toBeVisible();
    await expect(app.problems).toBeVisible();
    for (const family of ['Sources', 'Transforms', 'Windows', 'Aggregate', 'Sinks']) {
      await expect(app.palette.getByRole('heading', { name: family, exact: true })).toBeVisible();
    }
  });

  test('fills the window: the canvas takes the space the panels leave', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goto();
    const canvas = await app.canvas.boundingBox();
    expect(canvas?.width).toBeGreaterThan(600);
    expect(canvas?.height).toBeGreaterThan(400);
    const scroll = await page.evaluate(() => ({ x: document.documentElement.scrollWidth, y: document.documentElement.scrollHeight }));
    expect(scroll).toEqual({ x: 1280, y: 800 });
  });

  test('the skip link moves focus to the canvas area', async ({ app, page }) => {
    await app.goto();
    await page.keyboard.press('Tab');
    await expect(app.skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.main).toBeFocused();
  });

  test('has no console errors on load', async ({ app, consoleErrors }) => {
    await app.goto();
    await expect(app.canvas).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
