/** Numbers as the rule detectors' explanations show them: short, and never in exponent form for everyday magnitudes. */
export function formatReading(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Four significant digits say enough in a sentence; large readings keep their integer part whole.
  if (Math.abs(value) >= 1e4) return value.toFixed(0);
  return String(Number(value.toPrecision(4)));
}

/**
 * A score past a bound: 0.5 just past it, rising toward 1 as `excess`
 * grows against `scale` (half way, 0.75, when the excess equals the scale).
 * Shared by both rule detectors so their scores read the same.
 */
export function scorePast(excess: number, scale: number): number {
  return 0.5 + 0.5 * (excess / (excess + scale));
}
