import type { ResultChunk } from '../worker/protocol';
import type { Cell } from './cells';

/*
 * The shapes a table hands its views, apart from the buffer (tableBuffer) and
 * its segments (tableSegment), so both import them and neither imports the other.
 */

/** A column of the table: the fields of the results, in the order they first appeared. */
export interface TableColumn {
  readonly name: string;
  readonly type: ResultChunk['columns'][number]['type'];
}

/** One result as the table shows it; `cells` line up with the table's columns. */
export interface TableRow {
  /** Its place in the run's results, from 0: a stable key for views. */
  readonly seq: number;
  readonly cells: readonly Cell[];
  readonly revision: number;
  /** A later revision of the same key and window arrived: this row is no longer the answer. */
  readonly superseded: boolean;
}
