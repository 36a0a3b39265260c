import { formatFieldValue } from '../../charts/format';
import type { PreviewRecord } from '../../worker/protocol';

/**
 * A record's fields as `name=value, …`, less those in `skip`; values exact
 * (see {@link formatFieldValue}), so a `ts` agrees with the event time shown beside it.
 */
export function fieldsText(record: PreviewRecord, skip: ReadonlySet<string> = new Set()): string {
  return Object.keys(record).filter((k) => !skip.has(k)).map((k) => `${k}=${formatFieldValue(record[k])}`).join(', ');
}
