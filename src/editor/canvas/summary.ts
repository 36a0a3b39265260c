/**
 * The one line under a node's name that says what it does with its
 * settings ("Tumbling 1m, lateness 10s"). Params are read as the user left
 * them, so a half-typed value still reads sensibly.
 */

type Params = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}

/** `1200` → `1.2k`, so rates and limits stay short. */
function compact(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return text(value);
  if (Math.abs(value) >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (Math.abs(value) >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return String(value);
}

function isZero(duration: unknown): boolean {
  return duration === undefined || duration === 0 || (typeof duration === 'string' && /^-?0+(\.0*)?(ms|s|m|h|d)?$/.test(duration.trim()));
}

/** Processing time, offset and lateness: only what differs from the defaults. */
function windowExtras(p: Params): string {
  const parts: string[] = [];
  if (p.time === 'processing') parts.push('processing time');
  if (!isZero(p.offset)) parts.push(`offset ${text(p.offset) ?? '?'}`);
  if (!isZero(p.allowedLateness)) parts.push(`lateness ${text(p.allowedLateness) ?? '?'}`);
  return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

function aggregation(a: Record<string, unknown>): string {
  const fn = text(a.fn) ?? '?';
  if (fn === 'count') return 'count';
  const field = text(a.field) ?? '?';
  if (fn === 'percentile' && typeof a.q === 'number') return `p${+(a.q * 100).toFixed(1)}(${field})`;
  return `${fn}(${field})`;
}

function list(items: readonly string[], none: string): string {
  return items.length === 0 ? none : items.join(', ');
}

/** A one-line summary of a node's settings, for every kind; '' for an unknown kind. */
export function summarize(kind: string, params: Params): string {
  const p = params;
  switch (kind) {
    case 'source.sample': {
      const parts = [`Sample ${text(p.stream) ?? 'sensors'}`, `${compact(p.rate) ?? 1000}/s`, `${compact(p.keys) ?? 10} keys`];
      if (typeof p.lateFraction === 'number' && p.lateFraction > 0) parts.push(`${+(p.lateFraction * 100).toFixed(1)}% late`);
      return parts.join(' · ');
    }
    case 'source.file': {
      const file = text(p.fileName) ?? (text(p.data) === undefined ? 'no file yet' : 'inline data');
      return `File: ${file} · time ${text(p.eventTime) ?? '?'}`;
    }
    case 'source.websocket': {
      const fields = records(p.fields).length;
      return `WebSocket ${text(p.url)?.replace(/^wss?:\/\//, '') ?? 'no address yet'} · ${fields} field${fields === 1 ? '' : 's'}`;
    }
    case 'transform.filter':
      return `Filter: ${text(p.expr) ?? 'no condition yet'}`;
    case 'transform.map': {
      const fields = records(p.fields).map((f) => `${text(f.name) ?? '?'} = ${text(f.expr) ?? '?'}`);
      return `${list(fields, 'No fields yet')}${p.keep === false ? ' (drops the rest)' : ''}`;
    }
    case 'transform.keyBy': {
      const fields = Array.isArray(p.fields) ? p.fields.map(text).filter((f): f is string => f !== undefined) : [];
      return fields.length === 0 ? 'Pick key fields' : `Key by ${fields.join(', ')}`;
    }
    case 'transform.union':
      return 'Merge streams';
    case 'transform.clean': {
      const fields = Array.isArray(p.fields) ? p.fields.map(text).filter((f): f is string => f !== undefined) : [];
      const rule = text(p.missing) ?? 'drop';
      const parts = [fields.length === 0 ? 'Pick fields to clean' : `Clean ${fields.join(', ')}`, `missing: ${rule}`];
      if (typeof p.min === 'number' || typeof p.max === 'number') parts.push(`clip ${typeof p.min === 'number' ? p.min : '…'} to ${typeof p.max === 'number' ? p.max : '…'}`);
      if (text(p.resample) !== undefined) parts.push(`every ${text(p.resample)!}`);
      return parts.join(' · ');
    }
    case 'transform.rolling': {
      const features = records(p.features).map((f) => text(f.fn) ?? '?');
      const over = typeof p.count === 'number' ? `last ${compact(p.count) ?? p.count}` : text(p.duration) !== undefined ? `last ${text(p.duration)!}` : 'no window yet';
      return `${list(features, 'No features yet')} of ${text(p.field) ?? 'no field yet'} over ${over}`;
    }
    case 'window.tumbling':
      return `Tumbling ${text(p.size) ?? '?'}${windowExtras(p)}`;
    case 'window.hopping':
      return `Hopping ${text(p.size) ?? '?'} every ${text(p.slide) ?? '?'}${windowExtras(p)}`;
    case 'window.cumulate':
      return `Cumulate every ${text(p.step) ?? '?'} up to ${text(p.maxSize) ?? '?'}${windowExtras(p)}`;
    case 'window.session':
      return `Session, gap ${text(p.gap) ?? '?'}${windowExtras(p)}`;
    case 'window.count':
      return `Every ${text(p.size) ?? '?'} events per key`;
    case 'aggregate':
      return list(records(p.aggregations).map(aggregation), 'No aggregations yet');
    case 'detect.contextual':
      return `Watch ${text(p.field) ?? 'no field yet'}, flag score ≥ ${text(p.threshold) ?? '0.75'}`;
    case 'detect.threshold': {
      const field = text(p.field) ?? '?';
      if (p.mode === 'quantile') return `${field} outside q${text(p.lower) ?? '0.01'}–q${text(p.upper) ?? '0.99'} of last ${compact(p.window) ?? 500}`;
      const lo = text(p.min);
      const hi = text(p.max);
      if (lo !== undefined && hi !== undefined) return `${field} outside [${lo}, ${hi}]`;
      if (lo !== undefined) return `${field} below ${lo}`;
      return hi === undefined ? `${field}: set min or max` : `${field} above ${hi}`;
    }
    case 'detect.changepoint':
      return `${p.method === 'pageHinkley' ? 'Page-Hinkley' : 'CUSUM'} on ${text(p.field) ?? '?'} · threshold ${text(p.threshold) ?? 5}σ`;
    case 'sink.collect':
      return 'Results for the tables and charts';
    case 'sink.chart':
      return `${text(p.chart) ?? 'line'} chart of ${text(p.y) ?? 'no field yet'} over ${p.x === 'eventTime' ? 'event time' : 'window end'}`.replace(/^./, (c) => c.toUpperCase());
    case 'sink.table':
      return `Table of the newest ${compact(p.maxRows) ?? '100k'} results`;
    case 'sink.log':
      return `Log the first ${compact(p.limit) ?? 100} rows`;
    case 'sink.alert':
      return `${(text(p.severity) ?? 'warning').replace(/^./, (c) => c.toUpperCase())} when ${text(p.when) ?? 'is_anomaly'} · cool-down ${text(p.cooldown) ?? '5m'}${text(p.webhook) === undefined ? '' : ' · webhook'}`;
    case 'detect.zscore':
      return `${text(p.field) ?? 'Pick a field'}: over ${text(p.sigmas) ?? 3} sigma of the last ${compact(p.window) ?? 100}`;
    case 'detect.ewma':
      return `${text(p.field) ?? 'Pick a field'}: over ${text(p.sigmas) ?? 3} sigma of the EWMA, alpha ${text(p.alpha) ?? 0.05}`;
    case 'detect.mad':
      return `${text(p.field) ?? 'Pick a field'}: over ${text(p.limit) ?? 3.5} ${p.method === 'iqr' ? 'IQR' : 'MAD'} of the last ${compact(p.window) ?? 100}`;
    default:
      return '';
  }
}
