/**
 * How far a run's stored files have been read, across the worker boundary
 * (part of PipelineWorkerApi): the source node's progress bar polls it.
 */

/** One streamed file source's reading, as the node shows it. */
export interface FileProgressReport {
  /** Bytes read of the (decompressed) file. */
  readonly bytesRead: number;
  /** The file's size; null when unknown (gzip). */
  readonly totalBytes: number | null;
  /** Good rows read so far. */
  readonly rows: number;
  /** Rows skipped as malformed so far. */
  readonly badRows: number;
  /** Rows read per second of wall-clock time lately; null before there is a rate. */
  readonly rowsPerSecond: number | null;
  /** Seconds until the file is read at the recent rate; null when unknown. */
  readonly secondsLeft: number | null;
  /** True once the whole file was read. */
  readonly done: boolean;
}

export interface FileProgressApi {
  /** The streamed file sources of the loaded run by node id (none: an empty record). */
  fileProgress(): Record<string, FileProgressReport>;
}
