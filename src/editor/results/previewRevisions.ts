import { REVISION_FIELD, WINDOW_END_FIELD, WINDOW_START_FIELD } from '../../charts/cells';
import type { PreviewRecord } from '../../worker/protocol';
import { ownValue } from '../ownValue';

/** How a previewed result reads, as the live table marks it. */
export type RevisionMark = 'revised' | 'superseded' | null;

/**
 * Each record's mark, as the live table draws its rows: a record with
 * revision > 0 is a window that late events updated; an earlier record of the
 * same key and window that a later revision replaced is superseded. Records
 * are oldest first; without a revision field nothing is marked.
 */
export function revisionMarks(records: readonly PreviewRecord[], keyFields: readonly string[]): RevisionMark[] {
  const marks: RevisionMark[] = records.map(() => null);
  const latest = new Map<string, number>();
  records.forEach((record, i) => {
    const revision = record[REVISION_FIELD];
    if (typeof revision !== 'number') return;
    const id = JSON.stringify([...keyFields.map((k) => ownValue(record, k) ?? null), record[WINDOW_START_FIELD] ?? null, record[WINDOW_END_FIELD] ?? null]);
    const before = latest.get(id);
    if (revision > 0) {
      marks[i] = 'revised';
      if (before !== undefined) marks[before] = 'superseded';
    }
    latest.set(id, i);
  });
  return marks;
}
