/**
 * The bounds that keep every valid document's run finite and its memory
 * bounded. Each is checked by `validate` (the schemas in ./schema and the
 * document-size check in ./validate), so a document beyond one is refused
 * with a sentence naming the JSON path and the limit; README's Limits section
 * lists them for people.
 */

/**
 * Nodes in one document. A chain of 10,000 filters between a source and a
 * sink (10,002 nodes), or one source into 10,000 sinks, validates and runs;
 * beyond 20,000 nodes the document is refused as a whole.
 */
export const MAX_NODES = 20_000;
/** Edges in one document: twice the nodes, room for every node to join a union as well as its chain. */
export const MAX_EDGES = 40_000;

/** Sample sources: distinct keys (each costs a few numbers before the first event). */
export const MAX_SAMPLE_KEYS = 1_000_000;
/** Sample sources: events per second of event time. Below the minimum, event time would outrun any calendar. */
export const MIN_SAMPLE_RATE = 0.001;
export const MAX_SAMPLE_RATE = 10_000_000;
/**
 * Sample sources: events the reorder buffer may hold at once, rate x
 * (maxOutOfOrderness, plus the late span when lateFraction > 0), or the
 * limit when that is smaller. The engine's buffer is typed arrays, about 80
 * bytes an event, so 2,000,000 is about 160 MB: room for the benchmark's P5
 * shuffled (300,000 held). The sample server holds events as objects for each
 * connection and allows a tenth of this (server/streamParams.ts).
 */
export const MAX_REORDER_EVENTS = 2_000_000;

/** Every duration is at most 100 years (36500d) and a whole number of milliseconds. */
export const MAX_DURATION_MS = 36_500 * 86_400_000;

/** WebSocket sources: values the queue may hold, queueLimit x declared fields (80 MB of numbers). */
export const MAX_QUEUED_VALUES = 10_000_000;

/** Hopping windows: windows each event falls into, ceil(size / slide); cumulate windows: windows per period, maxSize / step. */
export const MAX_WINDOWS_PER_EVENT = 10_000;

/** Count windows: events per window and key. */
export const MAX_COUNT_WINDOW_SIZE = 1_000_000_000;
/** Log sinks: lines printed. */
export const MAX_LOG_LINES = 1_000_000;
/** Lists in params (declared fields, computed fields, key fields, aggregations, chart series). */
export const MAX_LIST_ENTRIES = 1_000;
