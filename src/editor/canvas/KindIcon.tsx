import { memo } from 'react';

// A Map: a document's kind can be any string, "__proto__" included.
const PATHS: ReadonlyMap<string, string> = new Map(Object.entries({
  'source.sample': 'M2 12c2.5-5 5-5 7.5 0s5 5 7.5 0 3.5-3 5-1.5 M2 17c2.5-3 5-3 7.5 0s5 3 7.5 0',
  'source.file': 'M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6',
  'source.websocket': 'M5 19a10 10 0 0 1 0-14 M19 5a10 10 0 0 1 0 14 M8.5 15.5a5 5 0 0 1 0-7 M15.5 8.5a5 5 0 0 1 0 7 M12 12h.01',
  'transform.filter': 'M3 5h18l-7 8v6l-4 2v-8z',
  'transform.map': 'M4 12h13 M13 7l5 5-5 5 M4 7v10',
  'transform.keyBy': 'M8 16a4 4 0 1 1 0-8 4 4 0 0 1 0 8z M12 12h9 M17 12v3 M20.5 12v2',
  'transform.union': 'M6 3v5c0 3 6 4 6 8v5 M18 3v5c0 3-6 4-6 8 M9 18l3 3 3-3',
  'window.tumbling': 'M2.5 8h6v8h-6z M9 8h6v8H9z M15.5 8h6v8h-6z',
  'window.hopping': 'M3 6h11v8H3z M10 10h11v8H10z',
  // Windows that share their start and grow by one step each.
  'window.cumulate': 'M3 4.5h6v4H3z M3 10h11.5v4H3z M3 15.5h18v4H3z',
  'window.session': 'M2.5 8h6v8h-6z M12 8h9.5v8H12z',
  'window.count': 'M9 4 7 20 M17 4l-2 16 M4 9h16 M3.5 15h16',
  aggregate: 'M18 5H6l6 7-6 7h12',
  'sink.collect': 'M4 13l3-8h10l3 8v6H4z M4 13h5l1 2h4l1-2h5',
  'sink.log': 'M4 6l5 6-5 6 M12 18h8',
  'sink.chart': 'M4 4v16h16 M7 15l4-5 3 3 5-7',
  'sink.table': 'M4 5h16v14H4z M4 10h16 M4 15h16 M10 5v14',
  // A bell curve with a point far out in its tail.
  'detect.zscore': 'M2 19h14 M3 19c3 0 3-11 6-11s3 11 6 11 M20 12v5 M20 9h.01',
  // A smoothed line with a point that breaks away from it.
  'detect.ewma': 'M2 16c4-1 6-5 10-5s5 2 7 2 M19 5h.01 M19 8v0',
  // A box plot with one outlier beyond its whisker.
  'detect.mad': 'M3 12h3 M6 8h7v8H6z M10 8v8 M13 12h3 M16 10v4 M21 12h.01',
}));

/** A small line icon for a node kind (24×24, drawn in the current colour). */
export const KindIcon = memo(function KindIcon({ kind, size = 16 }: { readonly kind: string; readonly size?: number }) {
  return (
    <svg className="wp-kind-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS.get(kind) ?? 'M5 5h14v14H5z'} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
});
