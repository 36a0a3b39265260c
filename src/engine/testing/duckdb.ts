/**
 * A small DuckDB harness for tests that check the engine against an
 * independent one: an in-memory database, tables loaded through DuckDB's
 * appender (values never pass through SQL text), queries with bound
 * parameters, and results as the same plain rows the engine's sinks produce.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { Row } from '../operators/sinks';

/** The SQL types a loaded column may have. */
export type SqlColumnType = 'BIGINT' | 'DOUBLE' | 'VARCHAR';

/** One column to load: its name, SQL type and values (row i of the table is index i of every column). */
export interface TableColumn {
  readonly name: string;
  readonly type: SqlColumnType;
  /** `null` (and NaN in a DOUBLE column, the engine's missing number) load as SQL NULL. */
  readonly values: ArrayLike<number | string | null>;
}

/** A value bound to a `$name` parameter. JS numbers bind as DOUBLE: cast in SQL (`$size::BIGINT`) for integer arithmetic. */
export type SqlParam = number | bigint | string | boolean | null;

/** An open in-memory DuckDB database. */
export interface DuckDb {
  /** Creates (or replaces) table `name` and appends the columns' values row by row. */
  load(name: string, columns: readonly TableColumn[]): Promise<void>;
  /** Runs `sql` with `$name` parameters bound from `params`; returns its rows as plain objects. */
  query(sql: string, params?: Readonly<Record<string, SqlParam>>): Promise<Row[]>;
  /** Closes the connection and the database; the object is unusable afterwards. */
  close(): void;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` as a quoted SQL identifier; throws for anything but a plain identifier (a programmer mistake). */
export function sqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

function appendValue(appender: DuckDBAppender, column: TableColumn, row: number): void {
  const value = column.values[row];
  if (value === undefined) throw new Error(`column ${column.name} has no value at row ${row}`);
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) {
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case 'BIGINT':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`column ${column.name}: ${String(value)} is not a safe integer`);
      appender.appendBigInt(BigInt(value));
      return;
    case 'DOUBLE':
      if (typeof value !== 'number') throw new Error(`column ${column.name}: ${JSON.stringify(value)} is not a number`);
      appender.appendDouble(value);
      return;
    case 'VARCHAR':
      if (typeof value !== 'string') throw new Error(`column ${column.name}: ${String(value)} is not a string`);
      appender.appendVarchar(value);
      return;
  }
}

/** A result cell as an engine row value; BIGINTs become numbers when that is exact. */
function plainValue(value: unknown, column: string): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`column ${column}: ${value} does not fit a JS number exactly`);
    return n;
  }
  throw new Error(`column ${column}: a ${typeof value} result; cast it in SQL to a number or text`);
}

async function loadTable(connection: DuckDBConnection, name: string, columns: readonly TableColumn[]): Promise<void> {
  if (columns.length === 0) throw new Error(`table ${name} needs at least one column`);
  const rows = columns[0]!.values.length;
  for (const c of columns) {
    if (c.values.length !== rows) throw new Error(`column ${c.name} has ${c.values.length} values, ${columns[0]!.name} has ${rows}`);
  }
  const definition = columns.map((c) => `${sqlIdentifier(c.name)} ${c.type}`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(name)} (${definition})`);
  const appender = await connection.createAppender(name);
  try {
    for (let r = 0; r < rows; r++) {
      for (const c of columns) appendValue(appender, c, r);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Opens an in-memory DuckDB database; close it with {@link DuckDb.close} (or use {@link withDuckDb}). */
export async function openDuckDb(): Promise<DuckDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    load: (name, columns) => loadTable(connection, name, columns),
    async query(sql, params) {
      const reader = params === undefined ? await connection.runAndReadAll(sql) : await connection.runAndReadAll(sql, { ...params });
      return reader.getRowObjectsJS().map((raw) => {
        const row: Row = {};
        for (const [name, value] of Object.entries(raw)) row[name] = plainValue(value, name);
        return row;
      });
    },
    close(): void {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs `use` with a fresh in-memory database and closes it afterwards, also when `use` throws. */
export async function withDuckDb<T>(use: (db: DuckDb) => Promise<T>): Promise<T> {
  const db = await openDuckDb();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}
