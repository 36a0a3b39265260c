import { memo, useRef } from 'react';
import type { Cell } from './cells';
import { downloadText, toCsv, toNdjson } from './exportRows';
import { formatCell } from './format';
import type { TableBuffer } from './tableBuffer';
import type { TableColumn, TableRow } from './tableRow';
import { useFixedRows } from './useFixedRows';
import { useFrameVersion } from './useFrameVersion';
import './charts.css';

const ROW_HEIGHT = 26;
/** A table is read, not watched: four updates a second keep it live and leave the frames to the charts. */
const REFRESH_MS = 250;
/** Column widths by type: a UTC date-time needs 23 characters, a number far fewer. */
const COLUMN_WIDTH: Record<TableColumn['type'], number> = { time: 184, number: 124, string: 150, boolean: 84 };
/** Room for the Why button in a narrow leading column, when the rows have a lineage (visible without scrolling). */
const WHY_WIDTH = 64;

function rowClass(row: TableRow): string {
  if (row.superseded) return 'wp-table-row is-superseded';
  return row.revision > 0 ? 'wp-table-row is-revised' : 'wp-table-row';
}

function rowTitle(row: TableRow): string | undefined {
  if (row.superseded) return 'Superseded: a later revision of this window replaced it';
  return row.revision > 0 ? `Revision ${row.revision}: late events updated this window` : undefined;
}

/**
 * A live table of a table sink's buffer, newest first. Only the rows in view
 * are in the DOM (fixed-height rows, see useFixedRows), so 100,000 rows
 * scroll smoothly; it re-renders at most four times a second as rows arrive (or every `refreshMs`;
 * a scroll re-renders at once, and a change of `refreshMs` in the next frame). Downloads write what it holds.
 */
export function LiveTable({ refreshMs = REFRESH_MS, ...view }: TableViewProps & {
  /** The least time between refreshes as rows arrive. */
  refreshMs?: number;
}) {
  const version = useFrameVersion(view.buffer, refreshMs);
  // Its own component, redrawn when the version shown (or the scroll) changes, not when a new pace is given: the
  // catch-up of a new pace (the run ending, say) comes a frame later, not in the frame that shows the run's end.
  return <TableView {...view} version={version} />;
}

interface TableViewProps {
  buffer: TableBuffer;
  label: string;
  fileName: string;
  /** Given: each row starts with a Why button that asks for the row's lineage (its fields by name). */
  onWhy?: ((row: Readonly<Record<string, Cell>>) => void) | undefined;
}

/** The table as of `version` (the buffer's version to show; only compared, so a new one redraws the rows). */
const TableView = memo(function TableView({ buffer, label, fileName, onWhy }: TableViewProps & { version: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { first, last } = useFixedRows(scroller, buffer.size, ROW_HEIGHT);
  const shown: number[] = [];
  for (let index = first; index < last; index++) shown.push(index);
  const { columns } = buffer;
  // Fixed tracks, the same for the header and every row: flexible ones size by each row's own content.
  const why = onWhy !== undefined;
  const tracks = [...(why ? [`${WHY_WIDTH}px`] : []), ...columns.map((c) => `${COLUMN_WIDTH[c.type]}px`)];
  const template = { gridTemplateColumns: tracks.join(' '), width: columns.reduce((sum, c) => sum + COLUMN_WIDTH[c.type], why ? WHY_WIDTH : 0) };
  const ask = (row: TableRow): void => {
    // No prototype: field names are data.
    const record = Object.create(null) as Record<string, Cell>;
    columns.forEach((c, i) => (record[c.name] = row.cells[i] ?? null));
    onWhy?.(record);
  };
  const download = (kind: 'csv' | 'ndjson') => {
    const text = kind === 'csv' ? toCsv(columns, buffer.oldestFirst()) : toNdjson(columns, buffer.oldestFirst());
    downloadText(`${fileName}.${kind}`, text, kind === 'csv' ? 'text/csv' : 'application/x-ndjson');
  };
  return (
    <div className="wp-live-table" data-testid="live-table" data-rows={buffer.size}>
      <div className="wp-live-table-bar">
        <span className="wp-live-table-count">
          {buffer.size.toLocaleString('en')} {buffer.size === 1 ? 'row' : 'rows'}, newest first
          {buffer.size >= buffer.maxRows && ` (the newest ${buffer.maxRows.toLocaleString('en')} kept)`}
        </span>
        <span className="wp-live-table-key"><span className="wp-key-revised" aria-hidden="true" />revised</span>
        <span className="wp-live-table-key"><span className="wp-key-superseded" aria-hidden="true" />superseded</span>
        <button type="button" className="wp-small-button" disabled={buffer.size === 0} onClick={() => download('csv')}>Download CSV</button>
        <button type="button" className="wp-small-button" disabled={buffer.size === 0} onClick={() => download('ndjson')}>Download NDJSON</button>
      </div>
      <div className="wp-live-table-scroll" ref={scroller} role="table" aria-label={label} aria-rowcount={buffer.size + 1} tabIndex={0}>
        <div className="wp-table-head" role="row" style={template}>
          {/* The Why column has no header, and in the rows it is a row header, not a cell: the rows' cells stay their values. */}
          {why && <div aria-hidden="true" />}
          {columns.map((c) => <div key={c.name} role="columnheader" className={c.type === 'string' ? '' : 'is-numeric'}>{c.name}</div>)}
        </div>
        {buffer.size === 0 && <p className="wp-live-table-empty">No results yet.</p>}
        <div className="wp-table-body" style={{ height: buffer.size * ROW_HEIGHT }}>
          {shown.map((index) => {
            const row = buffer.rowAt(index);
            if (row === undefined) return null;
            return (
              // Keyed by place, not by row: as results stream in, a refresh rewrites the text of the rows
              // in view instead of replacing their elements (a new set of elements four times a second
              // was the page's longest task at Max).
              <div key={index} role="row" aria-rowindex={index + 2} className={rowClass(row)} title={rowTitle(row)} style={{ ...template, height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}>
                {/* First, so it shows without scrolling; its label drawn by CSS: the row's text stays its values. */}
                {why && (
                  <div className="wp-why-cell" role="rowheader">
                    <button type="button" className="wp-why-button" aria-label="Why?" title="Why this result: its window, each revision and the events in it" onClick={() => ask(row)} />
                  </div>
                )}
                {columns.map((c, i) => (
                  <div key={c.name} role="cell" className={c.type === 'string' ? '' : 'is-numeric'}>
                    {formatCell(row.cells[i], c.type)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
