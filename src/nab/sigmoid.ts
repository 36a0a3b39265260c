/** NAB's scaled sigmoid: 0.98661 at a window's left edge (-1), 0 at its right edge (0), -0.98661 one window past it, -1 beyond 3. */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition > 3.0) return -1.0;
  return 2 * sigmoid(-5 * relativePosition) - 1.0;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The rows NAB ignores at the start of a file: min(floor(p * rows), p * 5000). */
export function probationaryLength(rows: number, percent: number): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}
