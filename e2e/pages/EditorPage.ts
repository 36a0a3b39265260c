import { expect, type Locator, type Page } from '@playwright/test';

/** A point inside the canvas, in pixels from its top-left corner. */
export interface CanvasPoint {
  readonly x: number;
  readonly y: number;
}

/** `from.port->to`, how {@link EditorPage.edgeList} spells an edge. */
export type EdgeSpec = `${string}.${'out' | 'late'}->${string}`;

/**
 * The editor as a user drives it: the palette, the canvas with its nodes,
 * handles and edges, the toolbar and the editing shortcuts. Shared by every
 * spec that edits a pipeline; opened with {@link goto}.
 */
export class EditorPage {
  readonly page: Page;
  readonly palette: Locator;
  readonly paletteFilter: Locator;
  readonly canvas: Locator;
  readonly pane: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly connectionReason: Locator;
  readonly edgeTooltip: Locator;
  readonly notice: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly layoutButton: Locator;
  readonly fitViewButton: Locator;
  readonly zoomInButton: Locator;
  readonly minimap: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.palette = page.getByRole('navigation', { name: 'Node palette' });
    this.paletteFilter = this.palette.getByRole('searchbox', { name: 'Filter nodes' });
    this.canvas = page.getByTestId('canvas');
    this.pane = this.canvas.locator('.react-flow__pane');
    this.nodes = this.canvas.locator('.react-flow__node');
    this.edges = this.canvas.locator('.react-flow__edge');
    this.connectionReason = page.getByTestId('connection-reason');
    this.edgeTooltip = page.getByTestId('edge-fields');
    this.notice = page.getByTestId('notice');
    const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
    this.undoButton = toolbar.getByRole('button', { name: 'Undo' });
    this.redoButton = toolbar.getByRole('button', { name: 'Redo' });
    this.layoutButton = toolbar.getByRole('button', { name: 'Auto-layout' });
    this.fitViewButton = toolbar.getByRole('button', { name: 'Fit view' });
    this.zoomInButton = this.canvas.getByRole('button', { name: 'Zoom In' });
    this.minimap = this.canvas.getByTestId('rf__minimap');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.problems = page.getByRole('region', { name: 'Problems' });
  }

  /** Opens the app and waits for the canvas. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.pane.waitFor();
  }

  paletteItem(kind: string): Locator {
    return this.palette.locator(`[data-kind="${kind}"]`);
  }

  nodeLocator(id: string): Locator {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** A node's handle: `in`, `out` or `late`. */
  handle(id: string, port: 'in' | 'out' | 'late'): Locator {
    return this.nodeLocator(id).locator(`.react-flow__handle[data-handleid="${port}"]`);
  }

  edgeLocator(id: string): Locator {
    return this.canvas.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  nodeSummary(id: string): Locator {
    return this.nodeLocator(id).locator('.wp-node-summary');
  }

  /** The error badge of a node; its text holds the problems. */
  nodeBadge(id: string): Locator {
    return this.nodeLocator(id).getByTestId('node-problems');
  }

  async nodeIds(): Promise<string[]> {
    return this.nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  async selectedNodeIds(): Promise<string[]> {
    return this.canvas.locator('.react-flow__node.selected').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  /** Every edge as `from.port->to`, in document order. */
  async edgeList(): Promise<EdgeSpec[]> {
    return this.edges.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-from')}.${el.getAttribute('data-from-port')}->${el.getAttribute('data-to')}` as EdgeSpec));
  }

  /** A point of the canvas in page coordinates. */
  async pagePoint(at: CanvasPoint): Promise<CanvasPoint> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not visible');
    return { x: box.x + at.x, y: box.y + at.y };
  }

  /** The centre of an element in page coordinates. */
  private async centreOf(locator: Locator): Promise<CanvasPoint> {
    const box = await locator.boundingBox();
    if (box === null) throw new Error(`${locator.toString()} is not visible`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  private async addedBy(action: () => Promise<void>): Promise<string> {
    const before = new Set(await this.nodeIds());
    await action();
    await expect.poll(async () => (await this.nodeIds()).length).toBe(before.size + 1);
    const id = (await this.nodeIds()).find((n) => !before.has(n));
    if (id === undefined) throw new Error('no node was added');
    return id;
  }

  /**
   * Drags a kind from the palette and drops it at (x, y) of the canvas
   * (pixels from its top-left corner); resolves to the new node's id.
   */
  async dragFromPalette(kind: string, x: number, y: number): Promise<string> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not visible');
    if (x < 0 || y < 0 || x >= box.width || y >= box.height) {
      throw new Error(`dragFromPalette: (${x}, ${y}) is outside the canvas, which is ${Math.round(box.width)}×${Math.round(box.height)} px in this viewport`);
    }
    return this.addedBy(() => this.paletteItem(kind).dragTo(this.canvas, { targetPosition: { x, y } }));
  }

  /** Adds a kind by double-clicking its palette entry; resolves to the new node's id. */
  async doubleClickPalette(kind: string): Promise<string> {
    return this.addedBy(() => this.paletteItem(kind).dblclick());
  }

  /** Adds a kind from the keyboard: focus its palette entry and press Enter. */
  async addWithKeyboard(kind: string): Promise<string> {
    return this.addedBy(async () => {
      await this.paletteItem(kind).focus();
      await this.page.keyboard.press('Enter');
    });
  }

  /** Presses the mouse on a node's output (or input) handle and drags a little, leaving the connection in progress. */
  async startConnection(fromId: string, fromPort: 'out' | 'late' | 'in'): Promise<void> {
    const start = await this.centreOf(this.handle(fromId, fromPort));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 30, start.y + 10, { steps: 3 });
  }

  /** Moves a connection in progress over a node's input handle, or its body when it has none. */
  async dragConnectionOver(toId: string, where: 'handle' | 'body' = 'handle'): Promise<void> {
    const handle = this.handle(toId, 'in');
    const target = where === 'handle' && (await handle.count()) > 0 ? handle : this.nodeLocator(toId);
    const end = await this.centreOf(target);
    await this.page.mouse.move(end.x, end.y, { steps: 8 });
  }

  async releaseConnection(): Promise<void> {
    await this.page.mouse.up();
  }

  /** Drags a connection from a node's port to another node's input. */
  async connect(fromId: string, fromPort: 'out' | 'late', toId: string, where: 'handle' | 'body' = 'handle'): Promise<void> {
    await this.startConnection(fromId, fromPort);
    await this.dragConnectionOver(toId, where);
    await this.releaseConnection();
  }

  /** Drags a node by (dx, dy) screen pixels, holding it by its title. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const from = await this.centreOf(this.nodeLocator(id).locator('.wp-node-title'));
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 10 });
    await this.page.mouse.up();
  }

  async clickNode(id: string, modifiers: ('Shift' | 'ControlOrMeta')[] = []): Promise<void> {
    await this.nodeLocator(id).locator('.wp-node-title').click({ modifiers });
  }

  /** Clicks an empty spot of the canvas, which clears the selection. */
  async clickEmptyCanvas(at: CanvasPoint = { x: 12, y: 200 }): Promise<void> {
    await this.pane.click({ position: at });
  }

  /** Drags a selection box across the canvas between two points. */
  async boxSelect(from: CanvasPoint, to: CanvasPoint): Promise<void> {
    const a = await this.pagePoint(from);
    const b = await this.pagePoint(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 10 });
    await this.page.mouse.up();
  }

  async hoverEdge(id: string): Promise<void> {
    const box = await this.edgeLocator(id).locator('.react-flow__edge-interaction').boundingBox();
    if (box === null) throw new Error(`edge ${id} is not visible`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  }

  /** Presses a shortcut with Ctrl (Cmd on a Mac): `shortcut('Z')`, `shortcut('Shift+Z')`. */
  async shortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(`ControlOrMeta+${keys}`);
  }

  async undo(): Promise<void> {
    await this.shortcut('Z');
  }

  async redo(): Promise<void> {
    await this.shortcut('Shift+Z');
  }

  /** Puts text on the system clipboard (the context needs clipboard permissions: the `editor` fixture grants them). */
  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Pastes pipeline JSON onto the canvas through the clipboard; resolves to the ids of the pasted nodes. */
  async pastePipeline(json: string): Promise<string[]> {
    const before = new Set(await this.nodeIds());
    await this.writeClipboard(json);
    await this.clickEmptyCanvas();
    await this.shortcut('V');
    await expect.poll(async () => (await this.nodeIds()).length).toBeGreaterThan(before.size);
    return (await this.nodeIds()).filter((id) => !before.has(id));
  }

  /** Fits the whole pipeline in view (after pasting or laying out). */
  async fitView(): Promise<void> {
    await this.fitViewButton.click();
    // fitView animates for 300 ms.
    await this.page.waitForTimeout(400);
  }
}
