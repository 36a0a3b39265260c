import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { InspectorPanel } from './pages/InspectorPanel';

interface DocNode { id: string; kind: string; params?: Record<string, unknown> }
interface DocEdge { id: string; from: string; to: string; fromPort?: string }
interface Doc { format: string; version: number; name: string; nodes: DocNode[]; edges: DocEdge[] }

/** A document as a user means it: kinds, params and wiring in node order, without ids, positions or the description. */
function meaning(doc: Doc): unknown {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  return {
    format: doc.format, version: doc.version, name: doc.name,
    nodes: doc.nodes.map((n) => ({ kind: n.kind, params: n.params ?? {} })),
    edges: doc.edges.map((e) => `${String(index.get(e.from))}.${e.fromPort ?? 'out'}->${String(index.get(e.to))}`).sort(),
  };
}

test('builds the sensor example from an empty canvas by dragging, the inspector and edges, and exports that document', async ({ page, editor }) => {
  const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, '../examples/sensor-averages.json'), 'utf8')) as Doc;
  const bar = new DocumentsBar(page);
  await bar.goto();
  await expect(editor.nodes).toHaveCount(0);
  const inspector = new InspectorPanel(page);

  await bar.name.fill(expected.name);
  await bar.name.press('Enter');

  const source = await editor.dragFromPalette('source.sample', 100, 90);
  await inspector.expectNode(source);
  await inspector.field('Stream').selectOption('sensors');
  await inspector.type('Rate', '50');
  await inspector.type('Keys', '5');
  await inspector.type('Limit', '30000');
  await inspector.type('Seed', '42');
  await inspector.type('Max out-of-orderness', '5s');
  await inspector.type('Start time', '1700000037000');

  const byDevice = await editor.dragFromPalette('transform.keyBy', 340, 90);
  await editor.connect(source, 'out', byDevice);
  await inspector.expectNode(byDevice);
  await inspector.panel.getByRole('group', { name: /Key fields/ }).getByRole('checkbox', { name: /device/ }).check();

  const minute = await editor.dragFromPalette('window.tumbling', 580, 90);
  await editor.connect(byDevice, 'out', minute);
  await inspector.expectNode(minute);
  await inspector.type('Size', '1m');

  const stats = await editor.dragFromPalette('aggregate', 340, 330);
  await editor.connect(minute, 'out', stats);
  await inspector.expectNode(stats);
  await inspector.type('Name of aggregation 1', 'readings');
  const rows: [string, string][] = [['avg_temperature', 'avg'], ['min_temperature', 'min'], ['max_temperature', 'max']];
  for (const [i, [name, fn]] of rows.entries()) {
    const n = i + 2;
    // Straight after editing a row's field: its help must not collapse under the click.
    await inspector.panel.getByRole('button', { name: '+ Add aggregation' }).click();
    await inspector.field(`Function of aggregation ${n}`).selectOption(fn);
    await inspector.field(`Field of aggregation ${n}`).selectOption('temperature');
    await inspector.type(`Name of aggregation ${n}`, name);
  }

  const results = await editor.dragFromPalette('sink.collect', 600, 330);
  await editor.connect(stats, 'out', results);
  await expect(inspector.problemCount).toHaveText('0');

  const exported = await bar.export('shortcut');
  expect(meaning(JSON.parse(exported.text) as Doc)).toEqual(meaning(expected));
});
