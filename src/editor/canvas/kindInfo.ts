import { familyOf, isNodeKind, NODE_KINDS, type NodeFamily, type NodeKind } from '../../model';

/** The palette's groups, in the order data flows. */
export const FAMILIES: readonly { readonly family: NodeFamily; readonly label: string }[] = [
  { family: 'source', label: 'Sources' },
  { family: 'transform', label: 'Transforms' },
  { family: 'window', label: 'Windows' },
  { family: 'aggregate', label: 'Aggregate' },
  { family: 'detect', label: 'Detect' },
  { family: 'sink', label: 'Sinks' },
];

const TITLES: Readonly<Record<NodeKind, string>> = {
  'source.sample': 'Sample stream',
  'source.file': 'File',
  'source.websocket': 'WebSocket',
  'transform.filter': 'Filter',
  'transform.map': 'Map',
  'transform.keyBy': 'Key by',
  'transform.union': 'Union',
  'transform.clean': 'Clean',
  'transform.rolling': 'Rolling features',
  'window.tumbling': 'Tumbling window',
  'window.hopping': 'Hopping window',
  'window.cumulate': 'Cumulate window',
  'window.session': 'Session window',
  'window.count': 'Count window',
  aggregate: 'Aggregate',
  'detect.zscore': 'Z-score detector',
  'detect.ewma': 'EWMA detector',
  'detect.mad': 'MAD / IQR detector',
  'detect.threshold': 'Threshold detector',
  'detect.changepoint': 'Change-point detector',
  'detect.contextual': 'Contextual detector',
  'sink.collect': 'Collect',
  'sink.log': 'Log',
  'sink.chart': 'Chart',
  'sink.table': 'Table',
  'sink.alert': 'Alerts',
};

/** A kind's name for people: "Tumbling window"; the raw kind when it is unknown. */
export function kindTitle(kind: string): string {
  return isNodeKind(kind) ? TITLES[kind] : kind;
}

/** The family of any kind string; unknown kinds are drawn as transforms. */
export function familyOfAny(kind: string): NodeFamily {
  return isNodeKind(kind) ? familyOf(kind) : 'transform';
}

/** The kinds of one family, in palette order. */
export function kindsOf(family: NodeFamily): NodeKind[] {
  return NODE_KINDS.filter((k) => familyOf(k) === family);
}
