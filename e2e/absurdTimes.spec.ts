import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';

/**
 * Issue 12, item 3: a file row with the event time 1e20 or -1e308 made the
 * worker's tumbling window spin at 100% CPU for good. Now the run finishes,
 * and the rows are notes with their lines, like any other bad row.
 */
test('a file with absurd event times runs to the end in the app, its bad rows named by line', async ({ editor, page }) => {
  await editor.goto();
  const data = 'ts,k\n1700000000000,a\n1e20,a\n1700000030000,a\n-1e308,b\n1700000090000,b\n';
  const nodes = [
    { id: 'src', kind: 'source.file', position: { x: 0, y: 0 }, params: { eventTime: 'ts', format: 'csv', data, fileName: 'absurd.csv' } },
    { id: 'k', kind: 'transform.keyBy', position: { x: 250, y: 0 }, params: { fields: ['k'] } },
    { id: 'w', kind: 'window.tumbling', position: { x: 500, y: 0 }, params: { size: '1s' } },
    { id: 'a', kind: 'aggregate', position: { x: 750, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 's', kind: 'sink.table', position: { x: 1000, y: 0 }, params: {} },
  ];
  const edges = [{ id: 'e1', from: 'src', to: 'k' }, { id: 'e2', from: 'k', to: 'w' }, { id: 'e3', from: 'w', to: 'a' }, { id: 'e4', from: 'a', to: 's' }];
  const bar = new DocumentsBar(page);
  await bar.pasteJson(JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'Absurd times', nodes, edges }));
  // The import runs in its own worker: wait until this pipeline is the one open.
  await expect(bar.name).toHaveValue('Absurd times');
  await expect(editor.nodeLocator('src')).toBeVisible();

  const results = new ResultsPage(page);
  await results.runToEnd();
  expect(await results.results()).toBe(3);
  const notes = page.getByTestId('run-notes');
  await expect(notes).toHaveText('2 notes');
  await expect(notes).toHaveAttribute('title', [
    'src: line 3: event time "ts": "1e20" is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)',
    'src: line 5: event time "ts": "-1e308" is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)',
  ].join('\n'));
});
