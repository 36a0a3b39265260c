/**
 * A CanvasRenderingContext2D that records what is drawn: each fill and
 * stroke with the path built since the last beginPath and the style it used,
 * and each rectangle and text. Enough to hold the drawing to what it must
 * show without a browser.
 */
export interface Painted {
  readonly op: 'fill' | 'stroke' | 'fillRect' | 'strokeRect' | 'fillText';
  readonly style: string;
  /** Path commands (moveTo, lineTo, arc...) with their first two arguments, or the rectangle / text position. */
  readonly path: readonly (readonly [string, number, number])[];
  readonly text?: string;
  readonly dash: readonly number[];
}

export function recordingContext(): { ctx: CanvasRenderingContext2D; painted: Painted[] } {
  const painted: Painted[] = [];
  let path: [string, number, number][] = [];
  let dash: number[] = [];
  const state: Record<string, unknown> = { fillStyle: '#000', strokeStyle: '#000', lineWidth: 1, globalAlpha: 1, font: '', textAlign: 'left', textBaseline: 'alphabetic' };
  const methods: Record<string, (...args: never[]) => unknown> = {
    beginPath: () => {
      path = [];
    },
    moveTo: (x: number, y: number) => void path.push(['moveTo', x, y]),
    lineTo: (x: number, y: number) => void path.push(['lineTo', x, y]),
    arc: (x: number, y: number) => void path.push(['arc', x, y]),
    closePath: () => undefined,
    fill: () => void painted.push({ op: 'fill', style: String(state.fillStyle), path, dash }),
    stroke: () => void painted.push({ op: 'stroke', style: String(state.strokeStyle), path, dash }),
    fillRect: (x: number, y: number, w: number, h: number) => void painted.push({ op: 'fillRect', style: String(state.fillStyle), path: [['rect', x, y], ['size', w, h]], dash }),
    strokeRect: (x: number, y: number, w: number, h: number) => void painted.push({ op: 'strokeRect', style: String(state.strokeStyle), path: [['rect', x, y], ['size', w, h]], dash }),
    fillText: (text: string, x: number, y: number) => void painted.push({ op: 'fillText', style: String(state.fillStyle), path: [['text', x, y]], text, dash }),
    // About 6 px a character, as 11 px sans-serif.
    measureText: (text: string) => ({ width: text.length * 6 }),
    setLineDash: (d: number[]) => {
      dash = [...d];
    },
    rect: (x: number, y: number) => void path.push(['rect', x, y]),
    clip: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    clearRect: () => undefined,
    setTransform: () => undefined,
  };
  const ctx = new Proxy(state, {
    get: (target, name: string) => methods[name] ?? target[name],
    set: (target, name: string, value: unknown) => {
      target[name] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, painted };
}
