import 'uplot/dist/uPlot.min.css';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { describeAnomaly } from './anomalyMarks';
import { ANOMALY_COLOR } from './anomalyPlugin';
import type { Cell } from './cells';
import { MAX_SHOWN_SERIES, type ChartBuffer } from './chartBuffer';
import { LivePlot } from './livePlot';
import { seriesColor } from './palette';
import './charts.css';

interface Legend {
  readonly keys: readonly string[];
  readonly slots: readonly number[];
}

const NO_KEYS: Legend = { keys: [], slots: [] };

/**
 * A live uPlot chart of a chart sink's buffer, with a legend of its series.
 * Results never pass through React: the buffer feeds the plot imperatively,
 * once per frame; React re-renders only when the drawn keys change.
 */
export function LiveChart({ buffer, label, onWhy }: {
  buffer: ChartBuffer;
  label: string;
  /** Given: clicking a window result's point asks for its lineage (its row by field name). */
  onWhy?: ((row: Readonly<Record<string, Cell>>) => void) | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [legend, setLegend] = useState<Legend>(NO_KEYS);
  // The plot lives across renders; it calls the newest handler.
  const why = useRef(onWhy);
  useEffect(() => {
    why.current = onWhy;
  }, [onWhy]);
  const canWhy = onWhy !== undefined;

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const pick = canWhy ? (key: string, x: number) => {
      const row = buffer.resultAt(key, x);
      if (row !== null) why.current?.(row);
    } : null;
    const plot = new LivePlot(el, buffer, (keys, slots) => setLegend({ keys, slots }), pick);
    const unsubscribe = buffer.subscribe(plot.schedule);
    plot.schedule();
    const observer = new ResizeObserver(() => plot.resize());
    observer.observe(el);
    return () => {
      unsubscribe();
      observer.disconnect();
      plot.destroy();
    };
  }, [buffer, canWhy]);

  const { spec } = buffer;
  return (
    <figure className="wp-live-chart" aria-label={label}>
      <figcaption className="wp-live-chart-legend">
        <span className="wp-live-chart-axis">{spec.y} over {spec.x === 'windowEnd' ? 'window end' : 'event time'} (UTC)</span>
        {legend.keys.length === 0 ? (
          <span className="wp-live-chart-waiting">Waiting for results…</span>
        ) : (
          <ul>
            {legend.keys.map((key, i) => (
              <li key={key} title={key}>
                <span className="wp-swatch" style={{ background: seriesColor(legend.slots[i]!) }} aria-hidden="true" />
                {key}
              </li>
            ))}
          </ul>
        )}
        {canWhy && legend.keys.length > 0 && <span className="wp-live-chart-why-hint">click a point for why</span>}
        <AnomalyLegend buffer={buffer} />
        <HiddenSeries buffer={buffer} />
      </figcaption>
      <div className="wp-live-chart-plot" ref={host} data-testid="live-chart" data-points="0" data-series="0" data-anomalies="0" />
    </figure>
  );
}

/**
 * The legend's entry for the red rings: how many anomalous records reached
 * the chart and why the newest was one (its score and reason, in full on hover).
 */
function AnomalyLegend({ buffer }: { buffer: ChartBuffer }) {
  const subscribe = useCallback((listener: () => void) => buffer.subscribe(listener), [buffer]);
  const count = useSyncExternalStore(subscribe, () => buffer.anomalyCount());
  const latest = useSyncExternalStore(subscribe, () => buffer.latestAnomaly());
  if (count === 0 || latest === null) return null;
  const newest = describeAnomaly(latest);
  return (
    <span className="wp-live-chart-anomalies" data-testid="chart-anomalies" title={`Newest: ${newest}`}>
      <span className="wp-anomaly-ring" style={{ borderColor: ANOMALY_COLOR }} aria-hidden="true" />
      <strong>{count.toLocaleString('en-US')} {count === 1 ? 'anomaly' : 'anomalies'}</strong>
      <span className="wp-live-chart-anomaly-reason">newest: {newest}</span>
    </span>
  );
}

/**
 * Says how many keys the chart leaves out (those beyond topKeys) and offers
 * to draw them, up to MAX_SHOWN_SERIES; a choice of this view, while the
 * node's topKeys stays what the pipeline says.
 */
function HiddenSeries({ buffer }: { buffer: ChartBuffer }) {
  const subscribe = useCallback((listener: () => void) => buffer.subscribe(listener), [buffer]);
  const hidden = useSyncExternalStore(subscribe, () => buffer.hiddenKeys());
  const all = useSyncExternalStore(subscribe, () => buffer.showingAll);
  const keys = useSyncExternalStore(subscribe, () => buffer.keyCount());
  const { topKeys } = buffer.spec;
  if (!all && hidden === 0) return null;
  if (!all) {
    return (
      <span className="wp-live-chart-hidden" role="status">
        {hidden} more series hidden (topKeys is {topKeys})
        <button type="button" className="wp-live-chart-show" onClick={() => buffer.showAll(true)}>Show {hidden > MAX_SHOWN_SERIES - topKeys ? `${MAX_SHOWN_SERIES}` : 'all'}</button>
      </span>
    );
  }
  return (
    <span className="wp-live-chart-hidden" role="status">
      {hidden > 0 ? `${keys - hidden} of ${keys} series drawn (at most ${MAX_SHOWN_SERIES})` : `All ${keys} series drawn`}
      <button type="button" className="wp-live-chart-show" onClick={() => buffer.showAll(false)}>Top {topKeys} only</button>
    </span>
  );
}
