import { expect, type Locator, type Page } from '@playwright/test';

/** A fate's colour on the canvas (light theme): --bad for late crosses, the revision amber for diamonds. */
const FATE_RGB = new Map<'late' | 'revision', readonly [number, number, number]>([
  ['late', [180, 35, 24]],
  ['revision', [217, 119, 6]],
]);

/**
 * The Timeline tab of the results dock as a user reads it: the canvas, the
 * legend (its `data-late`, `data-revision` and `data-on-time` hold the counts it
 * shows), the controls and the tooltip of what the pointer rests on.
 */
export class TimelinePage {
  readonly page: Page;
  readonly root: Locator;
  readonly canvas: Locator;
  readonly legend: Locator;
  readonly tooltip: Locator;
  readonly verdict: Locator;
  readonly description: Locator;
  readonly key: Locator;
  readonly fold: Locator;
  readonly show: Locator;

  /** `root`: one timeline among several (what-if shows two); the dock's by default. */
  constructor(page: Page, root: Locator = page.getByTestId('timeline')) {
    this.page = page;
    this.root = root;
    this.canvas = this.root.getByTestId('timeline-canvas');
    this.legend = this.root.getByTestId('timeline-legend');
    this.tooltip = this.root.getByTestId('timeline-tooltip');
    this.verdict = this.tooltip.getByTestId('timeline-verdict');
    this.description = this.root.getByTestId('timeline-description');
    // A text box with suggestions (a datalist) is a combobox.
    this.key = this.root.getByRole('combobox', { name: 'Key' });
    this.fold = this.root.getByRole('checkbox', { name: 'All keys in one row' });
    this.show = this.root.getByRole('combobox', { name: 'Show' });
  }

  view(name: 'By key' | 'Event vs arrival'): Locator {
    return this.root.getByRole('group', { name: 'Timeline view' }).getByRole('button', { name });
  }

  async count(fate: 'late' | 'revision' | 'on-time' | 'marks'): Promise<number> {
    return Number(await this.legend.getAttribute(`data-${fate}`));
  }

  /**
   * Where marks of `fate` are drawn, in CSS pixels from the canvas's corner, found
   * as a user finds them: by their colour on the canvas (the most saturated
   * pixel of each 10 px cell, which is the middle of a cross or a diamond).
   */
  async markSpots(fate: 'late' | 'revision'): Promise<{ x: number; y: number }[]> {
    const rgb = FATE_RGB.get(fate)!;
    return this.canvas.evaluate((canvas: HTMLCanvasElement, [r0, g0, b0]) => {
      const ctx = canvas.getContext('2d')!;
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const best = new Map<string, { d: number; x: number; y: number }>();
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const d = Math.abs(data[i]! - r0!) + Math.abs(data[i + 1]! - g0!) + Math.abs(data[i + 2]! - b0!);
          if (d > 40) continue;
          const cell = `${Math.floor(x / (10 * ratio))}/${Math.floor(y / (10 * ratio))}`;
          const was = best.get(cell);
          if (was === undefined || d < was.d) best.set(cell, { d, x: x / ratio, y: y / ratio });
        }
      }
      return [...best.values()].sort((a, b) => a.d - b.d).map(({ x, y }) => ({ x, y }));
    }, rgb);
  }

  /** Hovers marks of `fate` until the tooltip says that fate; returns the tooltip's text. */
  async hoverMark(fate: 'late' | 'revision'): Promise<{ verdict: string; meta: string }> {
    const spots = await this.markSpots(fate);
    expect(spots.length, `${fate} marks drawn`).toBeGreaterThan(0);
    for (const spot of spots.slice(0, 12)) {
      await this.canvas.hover({ position: spot });
      const shown = await this.verdict.textContent({ timeout: 5_000 }).catch(() => null);
      if (shown?.startsWith(`${fate}:`)) return { verdict: shown, meta: (await this.tooltip.innerText()) };
    }
    throw new Error(`no ${fate} mark answered to hovering`);
  }
}
