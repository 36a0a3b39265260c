/**
 * One sentence per node kind and per param, written for someone learning
 * stream processing. The schemas' `.describe()` texts say what a value is;
 * these say why it matters. A test checks that every kind and every param of
 * every schema has one, so a new param cannot ship without its sentence.
 */

export const KIND_HELP: Readonly<Record<string, string>> = {
  'source.sample': 'Plays a generated stream of realistic events (sensor readings, clicks, payments, trades or auction bids) with as much disorder and lateness as you ask for.',
  'source.file': 'Reads events from a CSV, NDJSON or JSON file and takes each event\'s time from one of its fields.',
  'source.websocket': 'Listens to live events from a WebSocket server, such as the sample server that comes with Windowpane, and takes each event\'s time from one of its fields.',
  'transform.filter': 'Keeps only the events for which a true/false condition holds and drops the rest.',
  'transform.map': 'Computes new fields for every event from expressions over the fields it already has.',
  'transform.keyBy': 'Splits the stream by one or more fields, so the windows and aggregates after it work separately for each key, for example per device.',
  'transform.union': 'Merges several streams with the same fields into one, whose watermark follows the slowest input.',
  'window.tumbling': 'Cuts time into back-to-back windows of one fixed size that never overlap, like one bucket per minute.',
  'window.hopping': 'Starts a fixed-size window every slide, so windows overlap and one event can count in several of them.',
  'window.cumulate': 'Grows a window step by step through each period, all from the period\'s start, so each key\'s totals so far (today\'s revenue, hour by hour) come out as the period goes on.',
  'window.session': 'Groups each key\'s events into sessions that end after a quiet gap, so a window lasts as long as the activity does.',
  'window.count': 'Collects a fixed number of events per key and fires when that many have arrived, whatever their times.',
  aggregate: 'Sums up the events of each window and key into one row with functions such as count, sum and average (without a window it keeps a running total).',
  'sink.collect': 'Collects the results so the app can show them in its tables and charts.',
  'sink.log': 'Prints the first results it receives, which is handy for peeking at a stream while debugging.',
  'sink.chart': 'Draws a live chart of one result field, one line per key, that scrolls as windows fire while the pipeline runs.',
  'sink.table': 'Shows the results in a live table, newest first, with revised windows highlighted, and lets you download them.',
};

const EARLIEST_YEAR = 'Events dated before this year (UTC) are set aside as bad rows and counted, so a typo like 1e20 cannot stall the windows.';
const LATEST_YEAR = 'Events dated after this year (UTC) are set aside as bad rows and counted, so a typo like 1e20 cannot stall the windows.';
const OUT_OF_ORDERNESS = 'How far out of order events may arrive: the watermark trails the newest event time by this much, so windows wait this long before they fire.';
const IDLE_TIMEOUT = 'After this long without a single event (wall clock) the source counts as idle, so a union it feeds stops waiting for its watermark and its windows can fire; its next event makes it active again (and may then be late).';
const TIME = 'Event time closes windows as the watermark passes them, so results are reproducible; processing time closes them by the wall clock as events arrive.';
const LATENESS = 'How long after the watermark passes the window end a late event still updates the result, sent again as a revision.';
const OFFSET = 'Shifts where windows start away from midnight UTC, for example to line daily windows up with a time zone.';

/** Params by `kind.param`, and list items by `kind.param.itemKey`. */
export const PARAM_HELP: Readonly<Record<string, string>> = {
  'source.sample.stream': 'Which generated stream to play; each one (sensors, clicks, payments, trades, bids) has its own fields.',
  'source.sample.rate': 'How many events the stream makes per second of event time, which sets how crowded each window is.',
  'source.sample.keys': 'How many distinct keys (devices, users, cards and so on) the events are spread over.',
  'source.sample.limit': 'Stop after this many events; leave it empty for a stream that never ends.',
  'source.sample.seed': 'The random seed: the same seed plays exactly the same events every time, so results can be reproduced.',
  'source.sample.maxOutOfOrderness': OUT_OF_ORDERNESS,
  'source.sample.lateFraction': 'The share of events, from 0 to 1, held back past the out-of-orderness bound so they arrive after the watermark as late data.',
  'source.sample.startTime': 'The event time of the first event, in milliseconds since 1 January 1970 (epoch milliseconds).',
  'source.sample.eventTime': 'The field that holds each event\'s time, which sample streams always call ts.',
  'source.sample.idleTimeout': IDLE_TIMEOUT,
  'source.sample.quietAfter': 'Makes the stream go quiet after this many events, as a sensor that drops off the network would, to show how a silent input holds back a union\'s watermark.',
  'source.sample.quietFor': 'How long (wall clock) the stream stays quiet after quietAfter events before it goes on where it stopped.',
  'source.file.format': 'How the file is written (CSV, newline-delimited JSON or a JSON array), or auto to guess from its text.',
  'source.file.eventTime': 'The field whose value is each event\'s time, which drives the watermark and decides the window an event falls in.',
  'source.file.timeFormat': 'How the event-time field is written (epoch milliseconds, epoch seconds or ISO-8601 text), or auto to guess.',
  'source.file.maxOutOfOrderness': OUT_OF_ORDERNESS,
  'source.file.data': 'The file\'s text kept inside the pipeline, so the pipeline runs anywhere without the original file.',
  'source.file.fileName': 'The name of the file the data came from, kept for your reference.',
  'source.file.delimiter': 'The single character between the values of a CSV line, usually a comma.',
  'source.file.earliestYear': EARLIEST_YEAR,
  'source.file.latestYear': LATEST_YEAR,
  'source.file.idleTimeout': IDLE_TIMEOUT,
  'transform.filter.expr': 'A condition checked on every event, like temperature > 30; events for which it is false are dropped.',
  'transform.map.fields': 'The fields to compute, each with a name and an expression over the input fields.',
  'transform.map.fields.name': 'The name of the computed field; reusing an input field\'s name replaces that field.',
  'transform.map.fields.expr': 'The expression computed for every event, like temperature * 1.8 + 32.',
  'transform.map.keep': 'Keep the input fields next to the computed ones; untick it to pass on only the computed fields.',
  'transform.keyBy.fields': 'The fields whose values make up the key; events with the same key are windowed and aggregated together.',
  'window.tumbling.size': 'How long each window lasts; windows follow one another without gaps or overlaps.',
  'window.tumbling.offset': OFFSET,
  'window.tumbling.time': TIME,
  'window.tumbling.allowedLateness': LATENESS,
  'window.hopping.size': 'How long each window lasts.',
  'window.hopping.slide': 'How often a new window starts; a slide shorter than the size makes windows overlap.',
  'window.hopping.offset': OFFSET,
  'window.hopping.time': TIME,
  'window.hopping.allowedLateness': LATENESS,
  'window.cumulate.step': 'How often a result comes out: each window ends one step later than the one before it.',
  'window.cumulate.maxSize': 'How long a period lasts before the windows start again from nothing, like 1d for totals that reset every midnight; it must be a whole multiple of step.',
  'window.cumulate.offset': 'Shifts where periods start away from midnight UTC, for example to line daily periods up with a time zone.',
  'window.cumulate.time': TIME,
  'window.cumulate.allowedLateness': LATENESS,
  'window.session.gap': 'How long a key must stay quiet before its session closes; events closer together than this share a session.',
  'window.session.time': TIME,
  'window.session.allowedLateness': LATENESS,
  'window.count.size': 'How many events of one key fill a window, which fires as soon as the last of them arrives.',
  'aggregate.aggregations': 'The result fields computed for each window and key, each with a name, a function and the input field it reads.',
  'aggregate.aggregations.name': 'The name of this result field in every output row.',
  'aggregate.aggregations.fn': 'The function that sums up the window\'s events, such as count, sum, avg or percentile.',
  'aggregate.aggregations.field': 'The input field the function reads (count needs none).',
  'aggregate.aggregations.q': 'Which quantile to return, between 0 and 1: 0.5 is the median and 0.95 the value 95% of events stay below.',
  'sink.log.limit': 'How many lines the command line prints to standard error; the app\'s log tab keeps the newest 1,000 of every run.',
  'sink.chart.chart': 'How the values are drawn: lines, bars, or filled areas.',
  'sink.chart.y': 'The numeric field to plot, such as an average or a count computed by the aggregate before the chart.',
  'sink.chart.x': 'Plot each result at the end of its window (when it became final), or at the event time each record carries.',
  'sink.chart.series': 'The fields that tell the lines apart; leave it empty to draw one line per key of the aggregate before the chart.',
  'sink.chart.topKeys': 'How many lines to draw at most: the keys with the most results win, so a busy chart stays readable.',
  'sink.chart.timeRange': 'How much event time the chart shows at once; older points scroll off to the left as new windows fire.',
  'sink.table.maxRows': 'How many of the newest results the table keeps; older rows are let go so memory stays bounded.',
  'source.websocket.url': 'The address of the WebSocket server that sends the events, starting with ws:// (or wss:// when encrypted).',
  'source.websocket.format': 'How each message holds its events: one JSON object, a JSON array of objects, or one JSON object per line (NDJSON); auto accepts all three.',
  'source.websocket.fields': 'The fields every event carries, with their types, so the nodes after this one know what they will receive before the first message arrives.',
  'source.websocket.fields.name': 'The field\'s name exactly as it appears in each JSON event.',
  'source.websocket.fields.type': 'What the field holds: a number, text (string), true/false (boolean) or a time.',
  'source.websocket.eventTime': 'The field whose value is each event\'s time, which drives the watermark and decides the window an event falls in.',
  'source.websocket.timeFormat': 'How the event-time field is written (epoch milliseconds, epoch seconds or ISO-8601 text), or auto to guess.',
  'source.websocket.maxOutOfOrderness': OUT_OF_ORDERNESS,
  'source.websocket.queueLimit': 'How many received events may wait while the pipeline catches up; when more arrive the oldest are dropped, and the node counts them.',
  'source.websocket.earliestYear': EARLIEST_YEAR,
  'source.websocket.latestYear': LATEST_YEAR,
  'source.websocket.idleTimeout': IDLE_TIMEOUT,
};

/** What each aggregate function computes, for the function picker. */
export const AGGREGATE_FN_HELP: Readonly<Record<string, string>> = {
  count: 'Counts the events.',
  sum: 'Adds up the field.',
  avg: 'The mean of the field.',
  min: 'The smallest value of the field.',
  max: 'The largest value of the field.',
  variance: 'How spread out the values are (sample variance).',
  stddev: 'The sample standard deviation: how far values typically lie from the mean.',
  countDistinct: 'How many different values the field takes, counted exactly.',
  approxCountDistinct: 'An estimate of how many different values the field takes, in little memory (HyperLogLog, about 1.6% error).',
  percentile: 'The value a share q of the events stay below, within 1% (DDSketch).',
  first: 'The value of the event with the earliest event time.',
  last: 'The value of the event with the latest event time.',
};
