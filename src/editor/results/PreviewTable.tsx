import { memo } from 'react';
import { REVISION_FIELD } from '../../charts/cells';
import { formatCell, formatFieldNumber } from '../../charts/format';
import type { NodePreview, PreviewRecord } from '../../worker/protocol';
import { ownValue } from '../ownValue';
import { revisionMarks, type RevisionMark } from './previewRevisions';

const ROW_CLASS = { revised: 'is-revised', superseded: 'is-superseded' } as const;
const ROW_TITLE = {
  revised: 'A revision: late events updated this window',
  superseded: 'Superseded: a later revision of this window replaced it',
} as const;

/** Same fields, same values: the record a breakpoint hit, among the previewed ones. */
function sameRecord(a: PreviewRecord, b: PreviewRecord): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => Object.hasOwn(a, k) && Object.is(a[k], b[k]));
}

const rowClass = (mark: RevisionMark): string | undefined => (mark === null ? undefined : ROW_CLASS[mark]);

/**
 * Records as a small table, newest first, one column per field, times as
 * UTC date-times, other numbers exactly as the records hold them (an epoch-ms
 * field must agree with the event time). At most PREVIEW_SIZE rows, so no
 * virtualisation. Windowed results are marked as the live table marks them (revisions highlighted,
 * the rows they replaced struck through), their revision column first, where it is seen.
 */
export const PreviewTable = memo(function PreviewTable({ fields, records, keyFields, label, empty, highlight = null, onWhy }: {
  fields: NodePreview['fields'];
  records: readonly PreviewRecord[];
  keyFields: readonly string[];
  label: string;
  empty: string;
  /** The record a breakpoint stopped on: its newest row is marked. */
  highlight?: PreviewRecord | null;
  /** Given: each row has a Why button that asks for its lineage. */
  onWhy?: ((record: PreviewRecord) => void) | undefined;
}) {
  if (records.length === 0) return <p className="wp-preview-empty">{empty}</p>;
  const marks = revisionMarks(records, keyFields);
  const newestFirst = records.map((record, i) => ({ record, mark: marks[i]!, seq: i })).reverse();
  const revision = fields.find((f) => f.name === REVISION_FIELD);
  const columns = revision === undefined ? fields : [revision, ...fields.filter((f) => f !== revision)];
  const hitSeq = highlight === null ? -1 : records.findLastIndex((r) => sameRecord(r, highlight));
  return (
    // Focusable, so the arrow keys scroll a table wider or taller than the dock.
    <div className="wp-preview-scroll" role="region" aria-label={`${label}, scrollable`} tabIndex={0}>
      <table className="wp-preview-table" aria-label={label} data-testid="preview-table" data-rows={records.length}>
        <thead>
          <tr>{columns.map((f) => <th key={f.name} scope="col" className={f.type === 'string' ? '' : 'is-numeric'}>{f.name}<span className="wp-preview-type">{f.type}</span></th>)}</tr>
        </thead>
        <tbody>
          {newestFirst.map(({ record, mark, seq }) => (
            <tr key={seq} className={seq === hitSeq ? 'is-hit' : rowClass(mark)} title={seq === hitSeq ? 'The breakpoint stopped on this record' : mark === null ? undefined : ROW_TITLE[mark]} data-mark={mark ?? undefined} data-hit={seq === hitSeq ? 'true' : undefined} aria-current={seq === hitSeq ? 'true' : undefined}>
              {columns.map((f, i) => (
                <td key={f.name} className={f.type === 'string' ? '' : 'is-numeric'}>
                  {formatCell(ownValue(record, f.name), f.type, formatFieldNumber)}
                  {/* In the last cell, its label drawn by CSS: the cells' text stays the record's values. */}
                  {onWhy !== undefined && i === columns.length - 1 && <button type="button" className="wp-why-button" aria-label="Why?" title="Why this result (or, for a late event, why it was late)" onClick={() => onWhy(record)} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
