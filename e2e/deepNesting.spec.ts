/** Issue 12, finding 6: a row nested 100,000 deep and an expression nested 782 deep are reported, never a crash. */
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';

function document(name: string, nodes: readonly { id: string; kind: string; params?: Record<string, unknown> }[]): string {
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name,
    nodes: nodes.map((n, i) => ({ position: { x: 100 + 260 * i, y: 200 }, params: {}, ...n })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: nodes[i]!.id, to: n.id })),
  });
}

test.describe('deep nesting', () => {
  test('a file row nested 100,000 deep is a note with its line, and the other rows run', async ({ page, editor, consoleErrors }) => {
    await editor.goto();
    const deep = `{"ts": 1500, "v": 99, "deep": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const data = ['{"ts": 1000, "v": 1}', '{"ts": 1100, "v": 2}', deep, '{"ts": 1200, "v": 3}', '{"ts": 1300, "v": 4}'].join('\n');
    const text = document('Deep row', [
      { id: 'src', kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis', data } },
      { id: 'out', kind: 'sink.table' },
    ]);
    const bar = new DocumentsBar(page);
    await bar.importFile({ name: 'deep-row.json', text });
    // The import runs in its own worker: Run before the pipeline is open would run the one before it.
    await expect(bar.name).toHaveValue('Deep row');
    const run = new RunControls(page);
    await run.runButton.click();
    await run.expectPhase('Finished');
    await expect(run.figures).toHaveText('4 events · 4 results');
    await expect(page.getByTestId('run-notes')).toHaveText('1 note');
    await expect(page.getByTestId('run-notes')).toHaveAttribute('title', 'src: line 3: objects and arrays nested deeper than 64 levels (the limit) at column 346');
    expect(consoleErrors).toEqual([]);
  });

  test('an expression nested 782 deep is a problem with its column, and the page stays usable', async ({ page, editor, consoleErrors }) => {
    await editor.goto();
    const text = document('Deep expression', [
      { id: 'src', kind: 'source.sample', params: { stream: 'sensors', limit: 100 } },
      { id: 'f', kind: 'transform.filter', params: { expr: `${'('.repeat(782)}temperature > 20${')'.repeat(782)}` } },
      { id: 'out', kind: 'sink.table' },
    ]);
    await new DocumentsBar(page).importFile({ name: 'deep-expression.json', text });
    // The problems panel lists it, with the column where the limit was passed.
    await expect(page.getByRole('button', { name: "Condition: column 65: nesting deeper than 64 levels (parentheses, calls, '-', 'not' and '?:' inside each other)" })).toBeVisible();
    await editor.clickNode('f');
    // The inspector's expression field says the same under the text.
    await expect(page.getByText(/^Column 65: Nesting deeper than 64 levels/)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
