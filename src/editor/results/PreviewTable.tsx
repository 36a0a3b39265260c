import { formatCell } from '../../charts/format';
import type { NodePreview, PreviewRecord } from '../../worker/protocol';

/**
 * Records as a small table, newest first, one column per field, times as
 * UTC date-times. At most PREVIEW_SIZE rows, so no virtualisation.
 */
export function PreviewTable({ fields, records, label, empty }: { fields: NodePreview['fields']; records: readonly PreviewRecord[]; label: string; empty: string }) {
  if (records.length === 0) return <p className="wp-preview-empty">{empty}</p>;
  const newestFirst = [...records].reverse();
  return (
    // Focusable, so the arrow keys scroll a table wider or taller than the dock.
    <div className="wp-preview-scroll" role="region" aria-label={`${label}, scrollable`} tabIndex={0}>
      <table className="wp-preview-table" aria-label={label} data-testid="preview-table" data-rows={records.length}>
        <thead>
          <tr>{fields.map((f) => <th key={f.name} scope="col" className={f.type === 'string' ? '' : 'is-numeric'}>{f.name}<span className="wp-preview-type">{f.type}</span></th>)}</tr>
        </thead>
        <tbody>
          {newestFirst.map((record, i) => (
            <tr key={records.length - i}>
              {fields.map((f) => <td key={f.name} className={f.type === 'string' ? '' : 'is-numeric'}>{formatCell(record[f.name], f.type)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
