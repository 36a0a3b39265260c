/** Labels that read better than the key split at its capitals; by `kind.key`, then by key. */
// Maps: keys and kinds can be any string a document holds, "__proto__" included.
const LABELS: ReadonlyMap<string, string> = new Map(Object.entries({
  'transform.filter.expr': 'Condition',
  'transform.map.fields': 'Computed fields',
  'transform.keyBy.fields': 'Key fields',
  'sink.chart.y': 'Y field',
  'sink.chart.series': 'Series fields',
  maxOutOfOrderness: 'Max out-of-orderness',
  eventTime: 'Event-time field',
  data: 'File text',
  fn: 'Function',
  q: 'Quantile (q)',
  expr: 'Expression',
  keep: 'Keep input fields',
  url: 'URL',
  retry: 'Retry policy',
  log: 'Log mode',
}));

/** What one item of a list param is called, for labels such as "Function of aggregation 2". */
const ROW_NOUNS: ReadonlyMap<string, string> = new Map([
  ['aggregate.aggregations', 'aggregation'],
  ['transform.map.fields', 'computed field'],
  ['transform.rolling.features', 'feature'],
]);

/** The label of a param: "allowedLateness" reads "Allowed lateness". */
export function paramLabel(kind: string, key: string): string {
  const known = LABELS.get(`${kind}.${key}`) ?? LABELS.get(key);
  if (known !== undefined) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "aggregation" for `aggregate.aggregations`; "item" for a list without a noun. */
export function rowNoun(listPath: string): string {
  return ROW_NOUNS.get(listPath) ?? 'item';
}

/** The noun of a kind's list param when it has one, for messages: null for anything else. */
export function knownRowNoun(kind: string, list: string): string | null {
  return ROW_NOUNS.get(`${kind}.${list}`) ?? null;
}
