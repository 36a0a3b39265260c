import { expect, test } from './fixtures';

test.describe('the application shell', () => {
  test('loads with its title, wordmark and tagline', async ({ app, page }) => {
    await app.goto();
    await expect(page).toHaveTitle('Windowpane');
    await expect(app.wordmark).toBeVisible();
    await expect(app.tagline).toBeVisible();
    await expect(app.main).toBeVisible();
  });

  test('lists every example in examples/', async ({ app, exampleFiles }) => {
    test.skip(exampleFiles.length === 0, 'examples/ has no pipeline documents yet');
    await app.goto();
    await expect(app.exampleLinks).toHaveCount(exampleFiles.length);
    for (const file of exampleFiles) await expect(app.exampleLink(file.name)).toBeVisible();
  });

  test("shows a picked example's nodes, edges and valid status", async ({ app, page, exampleFiles }) => {
    const file = exampleFiles[0];
    test.skip(file === undefined, 'examples/ has no pipeline documents yet');
    if (!file) return;
    await app.goto();
    await app.pickExample(file.name);
    await expect(page).toHaveURL(new RegExp(`#/examples/${encodeURIComponent(file.slug)}$`));
    await expect(app.exampleLink(file.name)).toHaveAttribute('aria-current', 'page');
    await expect(app.validation).toHaveText('Valid');
    expect(await app.nodeIds()).toEqual(file.nodeIds);
    expect(await app.edgeIds()).toEqual(file.edgeIds);
    await expect(app.problems).toHaveCount(0);
  });

  test('every bundled example validates', async ({ app, exampleFiles }) => {
    test.skip(exampleFiles.length === 0, 'examples/ has no pipeline documents yet');
    await app.goto();
    for (const file of exampleFiles) {
      await app.pickExample(file.name);
      await expect(app.validation, `${file.slug}.json`).toHaveText('Valid');
    }
  });

  test('opens the example named in the URL, and can pick one with the keyboard', async ({ app, exampleFiles }) => {
    const [first, second = first] = exampleFiles;
    test.skip(first === undefined || second === undefined, 'examples/ has no pipeline documents yet');
    if (!first || !second) return;
    await app.goto(`#/examples/${encodeURIComponent(first.slug)}`);
    await expect(app.detailHeading).toHaveText(first.name);
    await app.pickExampleWithKeyboard(second.name);
    await expect(app.detailHeading).toHaveText(second.name);
  });

  test('says so when the URL names an example that does not exist', async ({ app }) => {
    await app.goto('#/examples/no-such-example');
    await expect(app.main.getByRole('alert')).toContainText('no-such-example');
  });

  test('has no console errors while browsing the examples', async ({ app, consoleErrors, exampleFiles }) => {
    await app.goto();
    for (const file of exampleFiles) await app.pickExample(file.name);
    expect(consoleErrors).toEqual([]);
  });
});
