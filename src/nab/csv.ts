/**
 * The plain CSV NAB's files use: a header row, comma-separated cells, no quoting
 * (timestamps, numbers and labels only). Rows are split on \n with an optional \r.
 */
export interface NabTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function parseNabCsv(text: string, name: string): NabTable {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const [head, ...body] = lines;
  if (head === undefined) throw new Error(`${name}: empty file`);
  const header = head.split(',');
  const rows = body.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${name}: line ${i + 2} has ${cells.length} cells, the header ${header.length}`);
    return cells;
  });
  return { header, rows };
}

/** The cells of one named column; throws naming the file when it is missing. */
export function column(table: NabTable, name: string, file: string): string[] {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`${file}: no "${name}" column (columns: ${table.header.join(', ')})`);
  return table.rows.map((row) => row[index]!);
}
