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
  /** Each row's key and window, when the results carry revisions. */
  windows: string[] | null = null;

  constructor(chunk: ResultChunk, private readonly positions: readonly number[], readonly seqBase: number, private readonly revision: ChunkColumn | undefined) {
    this.columns = chunk.columns;
    this.seqEnd = seqBase + chunk.length;
  }

  readonly seqEnd: number;

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
