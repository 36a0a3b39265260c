import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';

/**
 * The run toolbar in the top bar of a laptop-sized window: the run's state
 * (its word and its counts) reads whole, and no control of the toolbar lies
 * over another, while the run goes, when it is paused, when Resume is
 * offered and when it has finished. The canvas badges say Paused while the
 * run is paused.
 */

const SHOTS = process.env.WINDOWPANE_SHOTS ?? '/tmp/runbar-shots';
/** 150,000 payments at 250 a second of event time, eight nodes: long enough to pause, and wide figures at the end. */
const EXAMPLE = 'Card fraud bursts';
const SOURCE = 'payments';

/** What is wrong with the toolbar's layout, in words; empty when nothing is. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const toolbar = document.querySelector<HTMLElement>('[role="toolbar"][aria-label="Run"]');
    if (toolbar === null) return ['no run toolbar'];
    const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.className === '' ? '' : `.${String(el.className).split(' ')[0]}`} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    // Every control a user reads or works; a visually hidden label (1 px) is not one.
    const controls = [...toolbar.querySelectorAll('button, select, input, output, [role="status"], .wp-run-figures, [data-testid="checkpoint-note"]')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1);
    const overlap = (a: DOMRect, b: DOMRect): boolean =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    for (let i = 0; i < controls.length; i += 1) {
      for (let j = i + 1; j < controls.length; j += 1) {
        const a = controls[i]!;
        const b = controls[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (overlap(a.box, b.box)) problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
      }
    }
    const bar = toolbar.getBoundingClientRect();
    for (const { el, box } of controls) {
      if (box.left < bar.left - 0.5 || box.right > bar.right + 0.5 || box.top < bar.top - 0.5 || box.bottom > bar.bottom + 0.5) problems.push(`${name(el)} sticks out of the toolbar`);
    }
    if (bar.left < 0 || bar.right > window.innerWidth) problems.push(`the toolbar (${Math.round(bar.left)}-${Math.round(bar.right)}) leaves the window`);
    if (toolbar.scrollWidth > toolbar.clientWidth) problems.push(`the toolbar's content is ${toolbar.scrollWidth} px wide in ${toolbar.clientWidth} px`);
    // The brand and the Learn button beside it in the top bar.
    for (const sibling of toolbar.parentElement?.children ?? []) {
      if (sibling === toolbar || !(sibling instanceof HTMLElement) || sibling.offsetWidth === 0) continue;
      if (overlap(sibling.getBoundingClientRect(), bar)) problems.push(`the toolbar overlaps ${name(sibling)}`);
    }
    // The state and the counts: whole (nothing cut off or ellipsed) and on top (nothing drawn over them).
    for (const selector of ['[data-testid="run-status"]', '.wp-run-phase', '.wp-run-figures']) {
      const el = toolbar.querySelector<HTMLElement>(selector);
      if (el === null) continue;
      if (el.scrollWidth > el.clientWidth) problems.push(`${name(el)} is cut: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
      const box = el.getBoundingClientRect();
      for (const x of [box.left + 2, box.left + box.width / 2, box.right - 2]) {
        const top = document.elementFromPoint(x, box.top + box.height / 2);
        if (top === null || !(el.contains(top) || top.contains(el))) problems.push(`${name(el)} is covered at x=${Math.round(x)} by ${top === null ? 'nothing' : name(top)}`);
      }
    }
    return problems;
  });
}

async function expectTidy(page: Page, width: number, what: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${width}-${what}.png`, clip: { x: 0, y: 0, width, height: 120 } });
  expect(await layoutProblems(page), `the run toolbar at ${width} px, ${what}`).toEqual([]);
  // From 1280 px the toolbar stays beside the brand, in a top bar of one row: the canvas keeps its height.
  if (width >= 1280) expect(await page.locator('header.topbar').evaluate((el) => el.getBoundingClientRect().height), `the top bar's height at ${width} px, ${what}`).toBeLessThanOrEqual(44);
}

const badge = (page: Page, nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('node-state');
const resumeButton = (page: Page) => page.getByRole('toolbar', { name: 'Run' }).getByRole('button', { name: /^Resume from / });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

// 1024: the toolbar takes a row of its own under the brand; 1366: the commonest laptop width.
for (const width of [1024, 1280, 1366, 1440]) {
  test(`at ${width} px the run's state and counts read whole and no toolbar control overlaps another, through a run, a pause, a resume offer and the end`, async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(EXAMPLE);
    await bar.waitUntilSaved();
    const run = new RunControls(page);
    await page.getByRole('combobox', { name: 'Checkpoint' }).selectOption({ label: 'every 1 s' });
    await run.setSpeed('10');

    // Running, with a checkpoint taken: the widest the toolbar gets while the counts are small.
    await run.run();
    await expect(page.getByTestId('checkpoint-note')).toHaveText(/^Checkpoint \d\d:\d\d:\d\d$/, { timeout: 20_000 });
    await expect(run.figures).toHaveText(/^[\d,]+ events · [\d,]+ results$/);
    await expect(badge(page, SOURCE)).toHaveText('Running');
    await expectTidy(page, width, 'running');

    await run.pause();
    await expect(run.phase).toHaveText('Paused');
    await expect(badge(page, SOURCE)).toHaveText('Paused');
    await expect(badge(page, SOURCE)).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('node-state').filter({ hasText: 'Running' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/${width}-paused-page.png` });
    await expectTidy(page, width, 'paused');

    // Stop took a checkpoint: Resume is offered, beside the idle state, and again after a reload.
    await run.stop();
    await expect(resumeButton(page)).toBeVisible();
    await expect(run.phase).toHaveText('Idle');
    await expectTidy(page, width, 'resume');
    await page.reload();
    await expect(resumeButton(page)).toBeVisible();
    await expectTidy(page, width, 'resume-reloaded');

    // Finished: the counts at their widest (150,000 events).
    await run.setSpeed('max');
    await run.runButton.click();
    await expect(run.status).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
    await expect(run.phase).toHaveText('Finished');
    await expect(run.figures).toHaveText(/^150,000 events · [\d,]+ results$/);
    await expect(badge(page, SOURCE)).toHaveText('Completed');
    await expectTidy(page, width, 'finished');
    expect(consoleErrors).toEqual([]);
  });
}
