import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { LearnPage } from './pages/LearnPage';
import { RunControls } from './pages/RunControls';
import { clickVisibleNode } from './revealNode';

/** Lesson 2 (lessons/02-watermarks.json): readings -> tenSeconds -> average, late readings to a log sink. */
const LESSON_2 = JSON.parse(readFileSync(new URL('../lessons/02-watermarks.json', import.meta.url), 'utf8')) as { title: string; start: { name: string } };
const LESSON_5 = JSON.parse(readFileSync(new URL('../lessons/05-cumulating-windows.json', import.meta.url), 'utf8')) as { title: string };
const LESSON_11 = JSON.parse(readFileSync(new URL('../lessons/11-checkpoints-exactly-once.json', import.meta.url), 'utf8')) as { title: string };
const LESSON_13 = JSON.parse(readFileSync(new URL('../lessons/13-rolling-zscore-alerts.json', import.meta.url), 'utf8')) as { title: string };
const SENSOR_AVERAGES = JSON.parse(readFileSync(new URL('../examples/sensor-averages.json', import.meta.url), 'utf8')).name as string;
/** Screenshots for a person to look at, when asked for: LEARN_SHOTS=/tmp/learn-shots. */
const SHOTS = process.env.LEARN_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Room for the canvas, the Learn panel and the inspector side by side. */
test.use({ viewport: { width: 1600, height: 1000 } });

test.describe('Learn panel', () => {
  test('a learner completes lesson 2 by raising the out-of-orderness bound, and the progress is kept after a reload', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    const bar = new DocumentsBar(page);
    await editor.goto();
    // The learner's own work, which the lesson must leave alone.
    await bar.newFromExample(SENSOR_AVERAGES);
    await learn.open();
    const entry = learn.lesson(LESSON_2.title);
    await expect(entry).toContainText('Not started · 0 of 1 task passed');
    await entry.getByRole('button').click();

    // The lesson's start opens as a pipeline of its own, on the step's timeline.
    await expect(bar.name).toHaveValue(`Lesson: ${LESSON_2.title}`);
    await expect(learn.panel.getByRole('heading', { name: LESSON_2.title })).toBeVisible();
    await expect(learn.panel.getByRole('heading', { name: 'Step 1 of 4' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    expect((await bar.pipelineNames()).sort()).toEqual([`Lesson: ${LESSON_2.title}`, SENSOR_AVERAGES].sort());
    await learn.panel.getByRole('button', { name: 'Next step' }).click();
    await expect(learn.panel.getByRole('heading', { name: 'Step 2 of 4' })).toBeVisible();
    await expect(learn.panel.getByText('max event time seen − maxOutOfOrderness − 1 ms')).toBeVisible();
    await shot(page, '1-lesson-open');

    // Predict first: Check asks for the number.
    const task = learn.task(1);
    await task.getByRole('button', { name: 'Check' }).click();
    await expect(task.getByRole('alert')).toHaveText('Enter your prediction (a number) before you check.');
    await task.getByRole('textbox', { name: /how many readings will go to the late port/ }).fill('2');
    await task.getByRole('button', { name: 'Check' }).click();
    await expect(task.getByText('Not yet: some checks do not hold.')).toBeVisible({ timeout: 30_000 });
    const prediction = task.getByText(/You predicted 2; the starting pipeline gives \d+/);
    await expect(prediction).toBeVisible();
    const predictionText = await prediction.textContent();
    await expect(task.getByRole('listitem').filter({ hasText: 'Does not hold: the late port of tenSeconds is empty' })).toBeVisible();
    await task.getByRole('button', { name: /Show a hint/ }).click();
    await expect(task.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
    await shot(page, '2-check-failed');

    // As a person would: select the source on the canvas, raise its bound in the inspector.
    const inspector = new InspectorPanel(page);
    await clickVisibleNode(editor, 'readings');
    await inspector.expectNode('readings');
    await inspector.type('Max out-of-orderness', '5s');
    await task.getByRole('button', { name: 'Check' }).click();
    await expect(task.getByText('Task passed.')).toBeVisible({ timeout: 30_000 });
    await expect(task.getByRole('listitem').filter({ hasText: 'Holds: the late port of tenSeconds is empty' })).toBeVisible();
    await expect(task.getByRole('heading', { name: /Task 1.*Done/ })).toBeVisible();
    // The prediction was about the starting pipeline: the edited pipeline's run does not answer it again.
    await expect(prediction).toHaveText(predictionText ?? '');
    await expect(learn.panel.getByText('1 of 1 task passed')).toBeVisible();
    await shot(page, '3-check-passed');

    await learn.panel.getByRole('button', { name: 'Show the solution' }).click();
    const changes = learn.panel.getByRole('list', { name: 'Changes from the start to the solution' });
    await expect(changes).toContainText('5s');
    await changes.scrollIntoViewIfNeeded();
    await shot(page, '4-solution');

    await bar.waitUntilSaved();
    await page.reload();
    await editor.pane.waitFor();
    await learn.open();
    await expect(learn.lesson(LESSON_2.title)).toContainText('Done · 1 of 1 task passed');
    await shot(page, '5-list-after-reload');
    // Opening it again goes back to the learner's own pipeline, bound and all.
    await learn.lesson(LESSON_2.title).getByRole('button').click();
    await expect(bar.name).toHaveValue(`Lesson: ${LESSON_2.title}`);
    await clickVisibleNode(editor, 'readings');
    await expect(inspector.field('Max out-of-orderness')).toHaveValue('5s');
    expect(await bar.pipelineNames()).toHaveLength(2);
    expect(consoleErrors).toEqual([]);
  });

  test('a check with no matching rows says so; a prediction-only task is done once answered; checks of the solution count no progress', async ({ page, consoleErrors }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    const bar = new DocumentsBar(page);
    await editor.goto();
    await learn.open();
    await learn.lesson(LESSON_5.title).getByRole('button').click();
    await expect(bar.name).toHaveValue(`Lesson: ${LESSON_5.title}`);
    await expect(learn.panel.getByText(/The run goes at 10x/).first()).toBeVisible();
    const revenue = learn.task(1);
    await revenue.getByRole('textbox').fill('5');
    await revenue.getByRole('button', { name: 'Check' }).click();
    await expect(revenue.getByText('Not yet: some checks do not hold.')).toBeVisible({ timeout: 30_000 });
    await expect(revenue.getByText(/no rows at sink 'results' match window_start = 2026-03-02 12:00:00 UTC and window_end = 2026-03-02 12:30:00 UTC/)).toBeVisible();
    // The prediction is about the starting pipeline, answered by it beside the check of the learner's.
    await expect(revenue.getByText(/You predicted 5; the starting pipeline gives \d+/)).toBeVisible();
    await shot(page, '6-no-rows');

    await learn.panel.getByRole('button', { name: /All lessons/ }).click();
    await learn.lesson(LESSON_11.title).getByRole('button').click();
    await expect(bar.name).toHaveValue(`Lesson: ${LESSON_11.title}`);
    const predict = learn.task(1);
    await predict.getByRole('textbox').fill('3');
    await predict.getByRole('button', { name: 'Check' }).click();
    // A guess that is off is information, not a failure: the task is done, and nothing says it failed.
    await expect(predict.getByText(/Done: you predicted 3; the starting pipeline gives \d+/)).toBeVisible({ timeout: 30_000 });
    await expect(predict.getByRole('heading', { name: /Task 1.*Done/ })).toBeVisible();
    await expect(predict.getByText(/Not yet|Task passed/)).toHaveCount(0);
    await expect(predict.getByRole('textbox')).toHaveAttribute('readonly', '');
    await shot(page, '7-prediction-only-done');

    await learn.panel.getByRole('button', { name: 'Show the solution' }).click();
    await learn.panel.getByRole('button', { name: 'Open the solution as a new pipeline' }).click();
    await expect(bar.name).toHaveValue(`Solution: ${LESSON_11.title}`);
    await expect(learn.panel.getByText('This is the solution: checks run, progress is not counted.').first()).toBeVisible();
    const rows = learn.task(2);
    await rows.getByRole('textbox').fill('0');
    await rows.getByRole('button', { name: 'Check' }).click();
    await expect(rows.getByText('Task passed.')).toBeVisible({ timeout: 30_000 });
    await expect(rows.getByRole('heading', { name: /Task 2.*Done/ })).toHaveCount(0);
    await expect(learn.panel.getByText('1 of 2 tasks passed')).toBeVisible();
    await shot(page, '8-solution-not-counted');
    expect(consoleErrors).toEqual([]);
  });

  test('a prediction entered after the edit is still answered by the starting pipeline, not by the learner\'s', async ({ page }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    await editor.goto();
    await learn.open();
    await learn.lesson(LESSON_2.title).getByRole('button').click();
    const inspector = new InspectorPanel(page);
    await clickVisibleNode(editor, 'readings');
    await inspector.type('Max out-of-orderness', '5s');
    const task = learn.task(1);
    await task.getByRole('textbox').fill('0');
    await task.getByRole('button', { name: 'Check' }).click();
    // The learner's pipeline sends nothing late (the check passes); the start, which the question is about, sends 4.
    await expect(task.getByText('Task passed.')).toBeVisible({ timeout: 30_000 });
    await expect(task.getByText('You predicted 0; the starting pipeline gives 4: off by 4, too far (an exact answer was asked for).')).toBeVisible();
  });

  test('a lesson runs at 10x, and while a run goes on the panel runs the changed pipeline from the start', async ({ page }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    const controls = new RunControls(page);
    await editor.goto();
    await learn.open();
    await learn.lesson(LESSON_2.title).getByRole('button').click();
    await expect(controls.speed).toHaveValue('10');
    const rerun = learn.panel.getByRole('button', { name: 'Run the changed pipeline' });
    await expect(rerun).toHaveCount(0);
    await controls.run();
    await expect(rerun).toBeVisible();
    await expect.poll(() => controls.events(), { timeout: 15_000 }).toBeGreaterThan(10);
    const inspector = new InspectorPanel(page);
    await clickVisibleNode(editor, 'readings');
    await inspector.type('Max out-of-orderness', '5s');
    await rerun.click();
    // A new run, from the first event: the count starts again below where the old run stood.
    await expect.poll(() => controls.events(), { timeout: 5_000 }).toBeLessThan(10);
    await controls.expectPhase('Running');
    await expect(controls.status).toHaveAttribute('data-phase', 'finished', { timeout: 20_000 });
    await expect(rerun).toHaveCount(0);
  });

  test('an alert sink with a detector upstream says the detector has flagged nothing yet, not to add one', async ({ page }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    await editor.goto();
    await learn.open();
    await learn.lesson(LESSON_13.title).getByRole('button').click();
    await page.getByRole('tab', { name: 'Overheating' }).click();
    const empty = page.getByTestId('alerts-empty');
    await expect(empty).toContainText('The detector zscore upstream has flagged nothing so far (it warms up over its first 100 records per key)');
    await expect(empty).not.toContainText('Put a detector');
  });

  test('a lesson file with errors is refused with every problem and its path; a good one is imported and kept', async ({ page }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    await editor.goto();
    await learn.open();
    const bad = JSON.stringify({
      format: 'windowpane.lesson', version: 1, id: 'Bad Id', title: 'Broken', summary: 'x', steps: [],
      start: { format: 'windowpane.pipeline', version: 1, name: 's', nodes: [{ id: 'a', kind: 'no.such.kind', position: { x: 0, y: 0 }, params: {} }], edges: [] },
      solution: { format: 'windowpane.pipeline', version: 1, name: 's', nodes: [], edges: [] },
      tasks: [],
    });
    await learn.fileInput.setInputFiles({ name: 'broken.lesson.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const dialog = page.getByRole('dialog', { name: '“broken.lesson.json” can\'t be imported as a lesson' });
    await expect(dialog).toBeVisible();
    const problems = dialog.getByRole('list', { name: 'Problems found' });
    await expect(problems.locator('code', { hasText: /^id$/ })).toBeVisible();
    await expect(problems.locator('code', { hasText: /^steps$/ })).toBeVisible();
    await expect(problems.locator('code', { hasText: /^tasks$/ })).toBeVisible();
    await expect(problems.locator('code', { hasText: /^start\.nodes\[0\]/ }).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A syntax error, dropped on the panel: its line and column.
    await learn.drop('typo.json', '{\n  "format": "windowpane.lesson",\n  oops\n}');
    const typo = page.getByRole('dialog', { name: '“typo.json” can\'t be imported as a lesson' });
    await expect(typo.getByRole('list', { name: 'Problems found' })).toContainText('line 3');
    await typo.getByRole('button', { name: 'Close' }).click();
    await expect(learn.importedLessons).toHaveCount(0);

    // A teacher's lesson (lesson 2 under another id and title) is imported, and kept after a reload.
    const own = { ...JSON.parse(readFileSync(new URL('../lessons/02-watermarks.json', import.meta.url), 'utf8')) as object, id: 'my-watermarks', title: 'My watermarks', order: undefined };
    await learn.drop('mine.json', JSON.stringify(own));
    await expect(learn.importedLessons.getByRole('listitem')).toHaveText(/My watermarks.*Not started/);
    await page.reload();
    await editor.pane.waitFor();
    await learn.open();
    await expect(learn.importedLessons.getByRole('listitem')).toHaveText(/My watermarks/);
  });

  test('a teacher\'s lesson travels as a file and as a link to a browser that never saw it', async ({ page, browser }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await editor.goto();
    await learn.open();
    const own = { ...JSON.parse(readFileSync(new URL('../lessons/02-watermarks.json', import.meta.url), 'utf8')) as object, id: 'shared-watermarks', title: 'Shared watermarks', order: undefined };
    const ownText = JSON.stringify(own, null, 1);
    await learn.fileInput.setInputFiles({ name: 'shared.lesson.json', mimeType: 'application/json', buffer: Buffer.from(ownText) });
    await learn.importedLessons.getByRole('button', { name: /Shared watermarks/ }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), learn.panel.getByRole('button', { name: 'Download lesson' }).click()]);
    expect(download.suggestedFilename()).toBe('shared-watermarks.lesson.json');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(ownText);

    await learn.panel.getByRole('button', { name: 'Copy lesson link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#lesson=/);

    const elsewhere = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const other = await elsewhere.newPage();
    await other.goto(link);
    const otherLearn = new LearnPage(other);
    await expect(otherLearn.panel.getByRole('heading', { name: 'Shared watermarks' })).toBeVisible();
    await expect(new DocumentsBar(other).name).toHaveValue('Lesson: Shared watermarks');
    await otherLearn.panel.getByRole('button', { name: 'All lessons' }).click();
    await expect(otherLearn.importedLessons.getByRole('listitem')).toHaveText(/Shared watermarks.*In progress/);
    await elsewhere.close();
  });

  test('lesson links open a lesson; broken and hostile ones show their problems', async ({ page, consoleErrors }) => {
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    const bar = new DocumentsBar(page);
    await editor.goto('/#learn=watermarks');
    await expect(learn.panel.getByRole('heading', { name: LESSON_2.title })).toBeVisible();
    await expect(bar.name).toHaveValue(`Lesson: ${LESSON_2.title}`);
    await expect(page).not.toHaveURL(/#learn=/);

    for (const [hash, path, message] of [
      ['#learn=__proto__', 'learn', 'no built-in lesson has the id \'__proto__\''],
      ['#lesson=%%%', 'lesson', 'its data cannot be decompressed'],
      [`#lesson=${LZString.compressToEncodedURIComponent('<img src=x onerror=alert(1)>')}`, '', ''],
    ] as const) {
      await editor.goto(`/${hash}`);
      const dialog = page.getByRole('dialog', { name: 'This lesson link can\'t be opened' });
      await expect(dialog).toBeVisible();
      if (path !== '') await expect(dialog.locator('code', { hasText: new RegExp(`^${path}$`) })).toBeVisible();
      if (message !== '') await expect(dialog).toContainText(message);
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    expect(consoleErrors).toEqual([]);
  });

  test('the open Learn panel has no critical or serious axe-core violations', async ({ page }) => {
    test.setTimeout(120_000);
    const editor = new EditorPage(page);
    const learn = new LearnPage(page);
    await editor.goto();
    await learn.open();
    // The focus moves into the panel, and Escape closes it, returning the focus to Learn.
    await expect(learn.panel.getByRole('heading', { name: 'Learn', level: 2 })).toBeFocused();
    const check = async (view: string): Promise<void> => {
      const { violations } = await new AxeBuilder({ page }).include('.wp-editor-learn').analyze();
      const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, view).toEqual([]);
    };
    await check('the list of lessons');
    await learn.lesson(LESSON_2.title).getByRole('button').click();
    await learn.task(1).getByRole('button', { name: /Show a hint/ }).click();
    await learn.task(1).getByRole('textbox').fill('4');
    await learn.task(1).getByRole('button', { name: 'Check' }).click();
    await expect(learn.task(1).getByText('Not yet: some checks do not hold.')).toBeVisible({ timeout: 30_000 });
    await learn.panel.getByRole('button', { name: 'Show the solution' }).click();
    await check('a lesson with a hint, a failed check and the solution');
    await page.emulateMedia({ colorScheme: 'dark' });
    await check('a lesson with a hint, a failed check and the solution, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await learn.panel.getByRole('heading', { name: 'Learn', level: 2 }).focus();
    await page.keyboard.press('Escape');
    await expect(learn.panel).toHaveCount(0);
    await expect(learn.button).toBeFocused();
  });
});
