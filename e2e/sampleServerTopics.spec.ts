import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { SAMPLE_SERVER_PORT } from './ports';

test.describe('the sample server\'s topics', () => {
  test('the palette lists topics with partitions and records, and one adds a WebSocket source in log mode', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.goto();
    const entry = page.getByRole('navigation', { name: 'Node palette' }).locator('[data-live-topic="sensors"]');
    // The server playwright.config.ts starts keeps a live topic per stream, 4 partitions by default.
    await expect(entry).toHaveText(/^Log: sensors4p · \d/);
    await expect(entry).toHaveAttribute('title', /\npartition 0: (offsets [\d,]+ to [\d,]+|empty, next offset [\d,]+)\npartition 1: /);
    await entry.dblclick();
    await expect(editor.nodes).toHaveCount(1);
    await expect(editor.inspector.getByLabel('URL', { exact: true })).toHaveValue(`ws://localhost:${SAMPLE_SERVER_PORT}/topics/sensors`);
    await expect(editor.inspector.getByTestId('stream-picker')).toHaveText('Reads the sample server\'s topic sensors as a partitioned log.');
  });
});
