import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID, NODE_SIZE } from './flowTypes';
import { placeBeside, placeNear, type Box } from './freeSpace';

const box = (x: number, y: number, width: number = NODE_SIZE.width, height: number = NODE_SIZE.height): Box => ({ x, y, width, height });
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const placed = (at: { x: number; y: number }): Box => box(at.x, at.y);

describe('placeBeside', () => {
  it('puts the new node to the right of the anchor, level with it, when that is free', () => {
    const anchor = box(0, 0);
    const at = placeBeside([anchor], anchor, NODE_SIZE);
    expect(at.y).toBe(0);
    expect(at.x).toBeGreaterThanOrEqual(NODE_SIZE.width + GRID);
    expect(at.x).toBeLessThan(NODE_SIZE.width + 6 * GRID);
  });

  it('moves to a free row when the spot to the right is taken', () => {
    const anchor = box(0, 0);
    const first = placeBeside([anchor], anchor, NODE_SIZE);
    const second = placeBeside([anchor, placed(first)], anchor, NODE_SIZE);
    expect(second.x).toBe(first.x);
    expect(second.y).not.toBe(first.y);
    expect(overlaps(placed(first), placed(second))).toBe(false);
  });

  it('never overlaps a node, wherever the others are', () => {
    const boxArb = fc.record({ x: fc.integer({ min: -800, max: 800 }), y: fc.integer({ min: -800, max: 800 }), width: fc.integer({ min: 40, max: 300 }), height: fc.integer({ min: 30, max: 200 }) });
    fc.assert(fc.property(fc.array(boxArb, { minLength: 1, maxLength: 30 }), (boxes) => {
      const at = placeBeside(boxes, boxes[0]!, NODE_SIZE);
      expect(Math.abs(at.x % GRID)).toBe(0);
      expect(Math.abs(at.y % GRID)).toBe(0);
      for (const b of boxes) expect(overlaps(placed(at), b)).toBe(false);
    }));
  });
});

describe('placeNear', () => {
  it('centres the node on the point when nothing is there', () => {
    const at = placeNear([], { x: 400, y: 300 }, NODE_SIZE);
    expect(Math.abs(at.x + NODE_SIZE.width / 2 - 400)).toBeLessThanOrEqual(GRID / 2);
    expect(Math.abs(at.y + NODE_SIZE.height / 2 - 300)).toBeLessThanOrEqual(GRID / 2);
  });

  it('adding again and again at the same point stacks nothing', () => {
    const boxes: Box[] = [];
    for (let i = 0; i < 12; i++) boxes.push(placed(placeNear(boxes, { x: 0, y: 0 }, NODE_SIZE)));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    // And they stay near the point: within a few node sizes of it.
    for (const b of boxes) expect(Math.hypot(b.x, b.y)).toBeLessThan(4 * NODE_SIZE.width);
  });

  it('keeps to the view while it has room, and leaves it only when it has none', () => {
    const view = box(-300, -150, 600, 300);
    const boxes: Box[] = [];
    for (let i = 0; i < 6; i++) boxes.push(placed(placeNear(boxes, { x: 0, y: 0 }, NODE_SIZE, view)));
    for (const b of boxes) expect(b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width && b.y + b.height <= view.y + view.height).toBe(true);
    const full = [box(-300, -150, 600, 300)];
    const outside = placed(placeNear(full, { x: 0, y: 0 }, NODE_SIZE, view));
    expect(overlaps(outside, full[0]!)).toBe(false);
  });

  it('never overlaps a node, wherever the others are', () => {
    const boxArb = fc.record({ x: fc.integer({ min: -600, max: 600 }), y: fc.integer({ min: -600, max: 600 }), width: fc.integer({ min: 40, max: 300 }), height: fc.integer({ min: 30, max: 200 }) });
    fc.assert(fc.property(fc.array(boxArb, { maxLength: 30 }), fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 }), (boxes, x, y) => {
      const at = placeNear(boxes, { x, y }, NODE_SIZE);
      for (const b of boxes) expect(overlaps(placed(at), b)).toBe(false);
    }));
  });
});
