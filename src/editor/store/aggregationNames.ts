/**
 * The names an aggregation's output field gets until the user names it:
 * `count`, `avg_temperature`, `p95_latency`. A name still follows its
 * function and field when it is one of these (or one with a number added to
 * keep it unique, `count2`), or empty; anything else the user typed stays.
 */

type Row = Readonly<Record<string, unknown>>;

const SAFE_PART = /[^A-Za-z0-9_]/g;

/** The name an aggregation would get from its function, field and quantile. */
export function defaultAggregationName(row: Row): string {
  const fn = typeof row['fn'] === 'string' ? row['fn'] : '';
  if (fn === '' || fn === 'count') return 'count';
  const field = typeof row['field'] === 'string' && row['field'] !== '' ? `_${row['field'].replace(SAFE_PART, '_')}` : '';
  const q = row['q'];
  if (fn === 'percentile' && typeof q === 'number' && q > 0 && q < 1) {
    const percent = Math.round(q * 1000) / 10;
    return `p${String(percent).replace('.', '_')}${field}`;
  }
  return `${fn}${field}`;
}

/** Whether `name` is still the default of `row` (perhaps with a number for uniqueness), so it may follow a change. */
export function isDefaultName(name: unknown, row: Row): boolean {
  if (name === undefined || name === '') return true;
  if (typeof name !== 'string') return false;
  const base = defaultAggregationName(row);
  return name === base || (name.startsWith(base) && /^[2-9]\d*$|^1\d+$/.test(name.slice(base.length)));
}

/** The first of `base`, `base2`, `base3`, ... that no other row is named. */
export function uniqueName(base: string, others: readonly Row[]): string {
  const taken = new Set(others.map((r) => r['name']));
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

/**
 * The row after a change of function, field or quantile, with its name
 * following when it was still the default of the row before.
 */
export function withFollowingName(before: Row, after: Row, others: readonly Row[]): Row {
  if (!isDefaultName(before['name'], before)) return after;
  return { ...after, name: uniqueName(defaultAggregationName(after), others) };
}
