/**
 * The meaning of translations, checked by an engine that is not ours:
 * random expressions evaluated over random rows by our engine and, as
 * translated, by DuckDB. DuckDB's SQL is close to Flink's for this subset;
 * the few spellings that differ are changed here, in the test only
 * (STARTSWITH, TO_TIMESTAMP_LTZ, backtick identifiers), LEAST and GREATEST
 * get Flink's meaning (NULL when any argument is), and integer division is
 * switched on as Flink has it, so a missing DOUBLE cast shows.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type Cell } from '../engine/expr/testing';
import { translateExpression } from './expression';
import { mapUnquoted } from './testing/flinkGrammar';
import { TEST_FIELDS, typedExpressions } from './testing/typedExpressions';

const RENAMES: ReadonlyMap<string, string> = new Map([
  ['STARTSWITH', 'starts_with'],
  ['TO_TIMESTAMP_LTZ', 'wp_ts'],
  ['LEAST', 'wp_least'],
  ['GREATEST', 'wp_greatest'],
]);

/** Flink SQL to DuckDB's spelling: the renamed functions, and "identifiers" for `identifiers`. */
function toDuckDb(sql: string): string {
  return mapUnquoted(
    sql,
    (text) => text.replace(/\b([A-Z_]+)\(/g, (whole, name: string) => (RENAMES.has(name) ? `${RENAMES.get(name)}(` : whole)),
    (quoted) => (quoted.startsWith('`') ? `"${quoted.slice(1, -1).replaceAll('``', '`').replaceAll('"', '""')}"` : quoted),
  );
}

const SETUP = [
  'SET integer_division = true',
  'CREATE MACRO wp_ts(ms, p) AS epoch_ms(ms)',
  ...['least', 'greatest'].map(
    (fn) =>
      `CREATE MACRO wp_${fn}(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE ${fn}(a, b) END, ` +
      `(a, b, c) AS CASE WHEN a IS NULL OR b IS NULL OR c IS NULL THEN NULL ELSE ${fn}(a, b, c) END`,
  ),
];

interface TestRow {
  readonly x: number | null;
  readonly y: number | null;
  readonly 'a.b': number | null;
  readonly select: number | null;
  readonly s: string | null;
  readonly u: string | null;
  readonly b: boolean | null;
  readonly t: number | null;
}

function rows(nulls: boolean): fc.Arbitrary<TestRow[]> {
  const maybe = <T,>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> => (nulls ? fc.option(value, { nil: null, freq: 4 }) : value);
  const quarter = fc.integer({ min: -40, max: 40 }).map((k) => k / 4);
  const text = fc.constantFrom('', 'a', 'ab', 'B', 'ba', "it's", 'aB');
  return fc.array(
    fc.record({
      x: maybe(quarter),
      y: maybe(quarter),
      'a.b': maybe(quarter),
      select: maybe(quarter),
      s: maybe(text),
      u: maybe(text),
      b: maybe(fc.boolean()),
      t: maybe(fc.integer({ min: 1_700_000_000_000, max: 1_700_200_000_000 })),
    }),
    { minLength: 1, maxLength: 8 },
  );
}

function sqlValue(value: number | string | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

async function loadRows(connection: DuckDBConnection, data: readonly TestRow[]): Promise<void> {
  const values = data
    .map((row, id) => `(${[id, row.x, row.y, row['a.b'], row.select, row.s, row.u, row.b, row.t].map(sqlValue).join(', ')})`)
    .join(', ');
  await connection.run(
    'CREATE OR REPLACE TABLE t ("id" INTEGER, "x" DOUBLE, "y" DOUBLE, "a.b" DOUBLE, "select" DOUBLE, "s" VARCHAR, "u" VARCHAR, "b" BOOLEAN, "t" BIGINT)',
  );
  await connection.run(`INSERT INTO t VALUES ${values}`);
}

async function sqlResults(connection: DuckDBConnection, sql: string): Promise<Cell[]> {
  const reader = await connection.runAndReadAll(`SELECT ${toDuckDb(sql)} AS v FROM t ORDER BY "id"`);
  return reader.getRowObjects().map((row) => {
    const value = row['v'];
    if (typeof value === 'bigint') return Number(value);
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    throw new Error(`${sql}: DuckDB gave a ${typeof value} (${String(value)}): the root has no plain Flink type`);
  });
}

function ourResults(source: string, data: readonly TestRow[]): Cell[] {
  const columns: Record<string, Cell[]> = {};
  for (const { name } of TEST_FIELDS) columns[name] = data.map((row) => row[name as keyof TestRow]);
  return evaluate(source, TEST_FIELDS, columns);
}

function same(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

let connection: DuckDBConnection;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  for (const statement of SETUP) await connection.run(statement);
});

afterAll(() => {
  connection.closeSync();
});

function translated(source: string): string {
  const result = translateExpression(source, TEST_FIELDS);
  if (!result.ok) throw new Error(`${source}: ${result.reason}`);
  return result.sql;
}

describe('translations mean what ours mean (DuckDB as the independent engine)', () => {
  it('gives our values on rows without missing values', async () => {
    const shape = typedExpressions({ guarded: true, monotone: false });
    await fc.assert(
      fc.asyncProperty(fc.oneof(shape.number, shape.string, shape.boolean), rows(false), async (source, data) => {
        const sql = translated(source);
        await loadRows(connection, data);
        const theirs = await sqlResults(connection, sql);
        const ours = ourResults(source, data);
        theirs.forEach((value, row) => expect(same(ours[row] ?? null, value), `${source}\n${sql}\nrow ${row}: ours ${String(ours[row])}, SQL ${String(value)}`).toBe(true));
      }),
      { numRuns: 1000, seed: 1618 },
    );
  }, 120_000);

  it('with missing values: the same numbers and strings, and true exactly where ours is true, for and/or/comparisons (as the note says)', async () => {
    const shape = typedExpressions({ guarded: true, monotone: true });
    await fc.assert(
      fc.asyncProperty(fc.oneof(shape.number, shape.string, shape.boolean), rows(true), async (source, data) => {
        const sql = translated(source);
        await loadRows(connection, data);
        const theirs = await sqlResults(connection, sql);
        const ours = ourResults(source, data);
        theirs.forEach((value, row) => {
          const mine = ours[row] ?? null;
          const agree = typeof mine === 'boolean' ? mine === (value === true) : same(mine, value);
          expect(agree, `${source}\n${sql}\nrow ${row}: ours ${String(mine)}, SQL ${String(value)}`).toBe(true);
        });
      }),
      { numRuns: 1000, seed: 1619 },
    );
  }, 120_000);

  it('shows the difference the note names: not and == between booleans over a missing value', async () => {
    const data: TestRow[] = [{ x: null, y: 1, 'a.b': 1, select: 1, s: null, u: 'a', b: null, t: 1_700_000_000_000 }];
    await loadRows(connection, data);
    for (const source of ['!(x > 1)', '(x > 1) == false', '!contains(s, "a")']) {
      expect(ourResults(source, data)).toEqual([true]);
      expect(await sqlResults(connection, translated(source))).toEqual([null]);
    }
  });

  it('would catch integer division: DuckDB divides integers as Flink does', async () => {
    await loadRows(connection, [{ x: 1, y: 1, 'a.b': 1, select: 1, s: 'a', u: 'a', b: true, t: 1_700_000_000_500 }]);
    expect(await sqlResults(connection, '7 / 2')).toEqual([3]);
    expect(await sqlResults(connection, translated('7 / 2'))).toEqual([3.5]);
    expect(await sqlResults(connection, translated('t / 1000'))).toEqual([1_700_000_000.5]);
  });
});
