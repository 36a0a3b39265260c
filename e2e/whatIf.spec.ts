import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { TimelinePage } from './pages/TimelinePage';
import { clickVisibleNode } from './revealNode';

const root = join(import.meta.dirname, '..');

interface CliWindow { start: number; key: string[]; a: { values: Record<string, number> } | null; b: { values: Record<string, number> } | null; changedFields: string[] }
interface CliNode { nodeId: string; windowsA: number; windowsB: number; same: number; changed: number; onlyA: number; onlyB: number; lateA: number; lateB: number; revisionsA: number; revisionsB: number; differences: CliWindow[] }

/** `windowpane compare` of card-spend with the minute window's lateness set to `from`, against `set`. */
function cliCompare(outDir: string, from: string, set: string): CliNode {
  const doc = JSON.parse(readFileSync(join(root, 'examples', 'card-spend.json'), 'utf8')) as { nodes: { id: string; params: Record<string, unknown> }[] };
  doc.nodes.find((n) => n.id === 'minute')!.params['allowedLateness'] = from;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'card-spend.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = execFileSync('node', [join(root, 'cli', 'bin.mjs'), 'compare', file, '--set', set, '--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { nodes: CliNode[] }).nodes.find((n) => n.nodeId === 'minute')!;
}

/** Opens card-spend, sets the minute window's allowed lateness, and opens "Compare with..." on `param`. */
async function openWhatIf(page: Page, lateness: string, param: string): Promise<Locator> {
  const bar = new DocumentsBar(page);
  const editor = new EditorPage(page);
  const inspector = new InspectorPanel(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await editor.goto();
  await bar.newFromExample('Card spend per minute');
  await clickVisibleNode(editor, 'minute');
  await inspector.type('Allowed lateness', lateness);
  await inspector.panel.getByRole('button', { name: `Compare ${param} with another value` }).click();
  const dialog = page.getByRole('dialog', { name: /^What if/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Both runs of 30,000 events in the worker, beside the CLI's two: allow for a busy machine. */
const COMPARED_MS = 30_000;

const figure = (dialog: Locator, name: string): Locator => dialog.getByRole('table', { name: 'Figures of minute' }).locator(`tr[data-figure="${name}"] td`);

test.describe('what-if: Compare with...', () => {
  test('allowed lateness 0 against 30 s shows the late counts and changed windows the CLI computes for both', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    const cli = cliCompare(test.info().outputDir, '0s', 'minute.allowedLateness=30s');
    expect(cli.lateA).toBeGreaterThan(0);
    expect(cli.lateB).toBe(0);
    const dialog = await openWhatIf(page, '0s', 'allowed lateness');
    await dialog.getByLabel('Compare with').fill('30s');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    const results = dialog.getByRole('region', { name: 'What-if results' });
    await expect(results).toBeVisible({ timeout: COMPARED_MS });
    await expect(results).toContainText('A ran the pipeline as it is (allowedLateness 0s), B with allowedLateness 30s: 30,000 events each.');
    await expect(figure(dialog, 'late events (late port)')).toHaveText([cli.lateA.toLocaleString('en'), cli.lateB.toLocaleString('en')]);
    await expect(figure(dialog, 'windows')).toHaveText([String(cli.windowsA), String(cli.windowsB)]);
    await expect(figure(dialog, 'revisions')).toHaveText([String(cli.revisionsA), String(cli.revisionsB)]);
    await expect(dialog.getByTestId('whatif-counts-minute')).toContainText(`${cli.changed} changed, ${cli.onlyA} only in A, ${cli.onlyB} only in B, ${cli.same} the same`);
    // Every changed window of the CLI is a row, with the values of both runs.
    const table = dialog.getByRole('table', { name: 'Windows of minute' });
    await expect(table.locator('tbody tr[data-kind="changed"]')).toHaveCount(Math.min(cli.changed, 50));
    const first = cli.differences.find((d) => d.changedFields.length > 0)!;
    const row = table.locator('tbody tr').first();
    await expect(row.locator('td').nth(2)).toHaveText(first.key[0]!);
    for (const f of first.changedFields) {
      await expect(row.locator('td').nth(3)).toContainText(`${f} ${first.a!.values[f]}`);
      await expect(row.locator('td').nth(4)).toContainText(`${f} ${first.b!.values[f]}`);
    }
    await page.screenshot({ path: test.info().outputPath('what-if.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('both timelines over one span: A shows as late marks what B shows as revision marks, as many as the late counts', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    const cli = cliCompare(test.info().outputDir, '0s', 'minute.allowedLateness=30s');
    expect(cli.lateA).toBeGreaterThan(0);
    const dialog = await openWhatIf(page, '0s', 'allowed lateness');
    await dialog.getByLabel('Compare with').fill('30s');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    const timelines = dialog.getByRole('group', { name: 'Timelines of minute, A above B' });
    await expect(timelines).toBeVisible({ timeout: COMPARED_MS });
    await expect(timelines.getByRole('heading')).toHaveText(['A: allowedLateness 0s', 'B: allowedLateness 30s']);
    const a = timelines.getByRole('region', { name: 'Timeline of minute in A (allowedLateness 0s)' });
    const b = timelines.getByRole('region', { name: 'Timeline of minute in B (allowedLateness 30s)' });
    const legendA = a.getByTestId('timeline-legend');
    const legendB = b.getByTestId('timeline-legend');
    await expect(legendA).toHaveAttribute('data-late', String(cli.lateA));
    await expect(legendA).toHaveAttribute('data-revision', '0');
    await expect(legendB).toHaveAttribute('data-revision', String(cli.lateA - cli.lateB));
    await expect(legendB).toHaveAttribute('data-late', String(cli.lateB));
    await expect(a.getByTestId('timeline-note')).toContainText('30,000 events');
    await expect(b.getByTestId('timeline-note')).toContainText('30,000 events');
    // One shared span: both canvases are drawn over the same stretch, so they are as wide as each other.
    const boxA = await a.locator('canvas').first().boundingBox();
    const boxB = await b.locator('canvas').first().boundingBox();
    expect(boxA?.width).toBeGreaterThan(0);
    expect(boxA?.width).toBe(boxB?.width);
    // Aligned: the spot of a late event in A is the same event in B, where it caused a revision.
    const timelineA = new TimelinePage(page, a);
    const timelineB = new TimelinePage(page, b);
    const spot = (await timelineA.markSpots('late'))[0]!;
    await timelineA.canvas.hover({ position: spot });
    await expect(timelineA.verdict).toContainText(/^late: /);
    const sameEvent = /arrival #[\d,]+ · event time [^·]+ · watermark then [^·\n]+/.exec(await timelineA.tooltip.innerText())?.[0];
    expect(sameEvent).toBeDefined();
    await timelineB.canvas.hover({ position: spot });
    await expect(timelineB.verdict).toContainText(/^revision: /);
    await expect(timelineB.tooltip).toContainText(sameEvent!);
    await page.screenshot({ path: test.info().outputPath('what-if-timelines-hover.png') });
    // The table of differences is still there.
    await expect(dialog.getByRole('table', { name: 'Windows of minute' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('another window size shows the windows present in one run only, as the CLI counts them', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    const cli = cliCompare(test.info().outputDir, '3s', 'minute.size=30s');
    const dialog = await openWhatIf(page, '3s', 'size');
    await dialog.getByLabel('Compare with').fill('30s');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(dialog.getByRole('region', { name: 'What-if results' })).toBeVisible({ timeout: COMPARED_MS });
    await expect(dialog.getByTestId('whatif-counts-minute')).toContainText(`0 changed, ${cli.onlyA} only in A, ${cli.onlyB} only in B, 0 the same`);
    await expect(figure(dialog, 'windows')).toHaveText([String(cli.windowsA), String(cli.windowsB)]);
    await expect(figure(dialog, 'late events (late port)')).toHaveText([cli.lateA.toLocaleString('en'), cli.lateB.toLocaleString('en')]);
    const table = dialog.getByRole('table', { name: 'Windows of minute' });
    await expect(table.locator('tbody tr[data-kind="onlyA"]').first()).toBeVisible();
    // On the shared event-time axis, A's minutes and B's half minutes in lanes of their own.
    const strip = dialog.getByRole('img', { name: 'Windows of minute in A (1m) and B (30s) on one event-time axis' });
    await expect(strip.locator('rect.is-onlyA[data-run="a"]').first()).toBeVisible();
    await expect(strip.locator('rect.is-onlyB[data-run="b"]').first()).toBeVisible();
    await expect(strip.locator('rect[data-run="a"]:not(.is-onlyA), rect[data-run="b"]:not(.is-onlyB)')).toHaveCount(0);
    // A value the document cannot take is said, not run.
    await dialog.getByLabel('Compare with').fill('-1s');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Cannot compare: minute.size = "-1s" is not valid');
    expect(consoleErrors).toEqual([]);
  });
});
