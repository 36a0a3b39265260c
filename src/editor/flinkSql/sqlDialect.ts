/**
 * Flink SQL for CodeMirror's SQL mode: standard SQL plus what Flink adds
 * (windowing table functions, watermarks, statement sets, its types), with
 * identifiers quoted by backticks as the export writes them.
 */
import { SQLDialect, StandardSQL } from '@codemirror/lang-sql';

const FLINK_KEYWORDS = [
  'watermark', 'for', 'tumble', 'hop', 'cumulate', 'session', 'descriptor', 'execute', 'statement', 'set', 'begin', 'end',
  'with', 'partition', 'interval', 'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'millisecond',
  'table', 'view', 'temporary', 'if', 'exists', 'insert', 'into', 'union', 'all', 'over', 'window_start', 'window_end',
  'window_time', 'metadata', 'virtual', 'overwrite', 'primary', 'key', 'not', 'enforced', 'distinct',
].join(' ');

const FLINK_BUILTINS = [
  'proctime', 'current_watermark', 'to_timestamp_ltz', 'to_timestamp', 'approx_count_distinct', 'percentile', 'first_value',
  'last_value', 'var_samp', 'stddev_samp', 'coalesce', 'cast', 'try_cast', 'ifnull', 'regexp', 'char_length', 'lower', 'upper',
  'trim', 'substring', 'concat', 'abs', 'round', 'floor', 'ceil', 'power', 'sqrt', 'ln', 'log10', 'exp',
].join(' ');

const FLINK_TYPES = 'string bigint int integer double float boolean timestamp timestamp_ltz varchar char decimal date time bytes array map row tinyint smallint';

export const FlinkSQL = SQLDialect.define({
  ...StandardSQL.spec,
  keywords: `${StandardSQL.spec.keywords ?? ''} ${FLINK_KEYWORDS}`,
  builtin: `${StandardSQL.spec.builtin ?? ''} ${FLINK_BUILTINS}`,
  types: `${StandardSQL.spec.types ?? ''} ${FLINK_TYPES}`,
  identifierQuotes: '`',
  backslashEscapes: false,
});
