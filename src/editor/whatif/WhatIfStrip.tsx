import type { Cell, NodeComparison, WindowDiff } from '../../engine/compare/types';
import { formatTick } from '../../charts/format';
import { cellText, diffKind, firstResultText, valuesText, windowText } from './whatIfText';

/** Keys drawn at most: those with the most differing windows. */
const MAX_KEYS = 6;
const WIDTH = 1000;
const LANE = 14;
const LABEL = 110;

/** Tick spacing for a span: a round step giving about eight ticks. */
function tickStep(span: number): number {
  const steps = [1000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 21_600_000, 86_400_000];
  return steps.find((s) => span / s <= 12) ?? 86_400_000 * Math.ceil(span / 86_400_000 / 12);
}

/** The keys to draw: most differing windows first, then the first keys seen. */
function keysToDraw(windows: readonly WindowDiff[]): string[] {
  const score = new Map<string, number>();
  for (const d of windows) {
    const k = JSON.stringify(d.key);
    score.set(k, (score.get(k) ?? 0) + (diffKind(d) === 'timing' || (d.a !== null && d.b !== null && d.changedFields.length === 0) ? 0 : 1));
  }
  return [...score.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_KEYS).map(([k]) => k);
}

/**
 * Both runs' windows on one event-time axis: per key, a lane for A above a
 * lane for B, each window a bar over [start, end) coloured by how it differs,
 * so a changed size or lateness shows where the runs part.
 */
export function WhatIfStrip({ node, before, after }: { readonly node: NodeComparison; readonly before: string; readonly after: string }) {
  const windows = node.all ?? node.differences;
  if (windows.length === 0) return null;
  const from = Math.min(...windows.map((d) => d.start));
  const to = Math.max(...windows.map((d) => d.end));
  const span = Math.max(1, to - from);
  const x = (t: number): number => LABEL + ((t - from) / span) * (WIDTH - LABEL - 4);
  const keys = keysToDraw(windows);
  const step = tickStep(span);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length < 40; t += step) ticks.push(t);
  const rowHeight = LANE * 2 + 8;
  const height = 18 + keys.length * rowHeight;
  const bar = (d: WindowDiff, run: 'a' | 'b', y: number) => {
    const outcome = run === 'a' ? d.a : d.b;
    if (outcome === null) return null;
    const kind = diffKind(d);
    return (
      <rect key={`${run}${d.start}|${d.end}|${JSON.stringify(d.key)}`} className={`wp-whatif-bar is-${kind}`} data-run={run}
        x={x(d.start)} y={y} width={Math.max(1, x(d.end) - x(d.start) - 1)} height={LANE - 2}>
        <title>{`${run.toUpperCase()}: ${windowText(d)}: ${valuesText(outcome)}; first result ${firstResultText(outcome)}`}</title>
      </rect>
    );
  };
  return (
    <figure className="wp-whatif-strip">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Windows of ${node.nodeId} in A (${before}) and B (${after}) on one event-time axis`}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="wp-whatif-tick" x1={x(t)} x2={x(t)} y1={12} y2={height} />
            <text className="wp-whatif-tick-label" x={x(t) + 2} y={10}>{formatTick(t, step)}</text>
          </g>
        ))}
        {keys.map((k, i) => {
          const key = JSON.parse(k) as Cell[];
          const top = 18 + i * rowHeight;
          const mine = windows.filter((d) => JSON.stringify(d.key) === k);
          return (
            <g key={k}>
              <text className="wp-whatif-lane-label" x={0} y={top + LANE - 3}>{key.length === 0 ? 'all' : key.map((v) => cellText(v)).join(', ')}</text>
              <text className="wp-whatif-lane-run" x={LABEL - 14} y={top + LANE - 3}>A</text>
              <text className="wp-whatif-lane-run" x={LABEL - 14} y={top + 2 * LANE - 3}>B</text>
              {mine.map((d) => bar(d, 'a', top))}
              {mine.map((d) => bar(d, 'b', top + LANE))}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Event time (UTC), one shared axis. Each key: A above, B below. <span className="wp-whatif-swatch is-same" /> same <span className="wp-whatif-swatch is-changed" /> changed <span className="wp-whatif-swatch is-onlyA" /> only in A <span className="wp-whatif-swatch is-onlyB" /> only in B. Hover a bar for its values.
      </figcaption>
    </figure>
  );
}
