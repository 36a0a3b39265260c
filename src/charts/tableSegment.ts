import type { ChunkColumn, ResultChunk } from '../worker/protocol';
import { cellAt, numberAt, type Cell } from './cells';
import type { TableRow } from './tableRow';

/**
 * One chunk as a table holds it: the columnar chunk itself, where its columns
 * go in the table, and which of its rows were superseded. Rows are built only
 * when read.
 */
export class Segment {
  private readonly columns: readonly ChunkColumn[];
  private superseded: Uint8Array | null = null;
  /** The key and window of rows `windowsFrom` on, once the table has indexed them (only held rows, and only once a revision arrives). */
  windows: string[] | null = null;
  windowsFrom = 0;
  readonly chunk: ResultChunk;

  constructor(chunk: ResultChunk, private readonly positions: readonly number[], readonly seqBase: number, private readonly revision: ChunkColumn | undefined) {
    this.chunk = chunk;
    this.columns = chunk.columns;
    this.seqEnd = seqBase + chunk.length;
  }

  readonly seqEnd: number;

  /** Whether any row revises an earlier result (a plain scan of the column, no row built). */
  hasRevisions(): boolean {
    const column = this.revision;
    if (column === undefined || (column.type !== 'number' && column.type !== 'time')) return false;
    for (let row = 0; row < column.values.length; row++) if (column.values[row]! > 0) return true;
    return false;
  }

  revisionAt(row: number): number {
    return numberAt(this.revision, row) ?? 0;
  }

  supersede(row: number): void {
    this.superseded ??= new Uint8Array(this.seqEnd - this.seqBase);
    this.superseded[row] = 1;
  }

  /** Row `row` of this segment, its cells laid out in the table's `width` columns. */
  row(row: number, seq: number, width: number): TableRow {
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    for (let c = 0; c < this.columns.length; c++) cells[this.positions[c]!] = cellAt(this.columns[c]!, row);
    return { seq, cells, revision: this.revisionAt(row), superseded: this.superseded?.[row] === 1 };
  }
}
