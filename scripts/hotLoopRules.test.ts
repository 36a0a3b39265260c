import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The hot-loop rules in eslint.config.js (no spreads, classes not literals,
 * times start as NaN, kernels of typed arrays without callbacks) fire where
 * they should and stay quiet on the code the engine writes instead.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-syntax messages for `code` as if it were the file at `path`. */
async function flagged(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('hot-loop lint rules', () => {
  it('bans object spreads in window and aggregate code, and in operator configs anywhere in the engine', async () => {
    const spread = 'export function f(a: { x: number }): { x: number; y: number } {\n  return { ...a, y: 1 };\n}\n';
    expect(await flagged('src/engine/window/example.ts', spread)).toEqual([expect.stringContaining('No object spread')]);
    expect(await flagged('src/engine/aggregate/example.ts', spread)).toHaveLength(1);
    expect(await flagged('src/engine/window/example.test.ts', spread)).toEqual([]);

    const config = "declare function createXOperator(c: object): void;\nconst base = { size: 1 };\ncreateXOperator({ ...base, slide: 2 });\n";
    expect(await flagged('src/engine/run/example.ts', config)).toEqual([expect.stringContaining('Literals, not spreads')]);
    expect(await flagged('src/engine/run/example.ts', 'declare function createXOperator(c: object): void;\ncreateXOperator({ size: 1, slide: 2 });\n')).toEqual([]);
  });

  it('asks create* of window and aggregate state for a class instance, not an object literal', async () => {
    const literal = 'export function createCounter(): { n: number } {\n  return { n: 0 };\n}\n';
    expect(await flagged('src/engine/aggregate/example.ts', literal)).toEqual([expect.stringContaining('class instance')]);
    expect(await flagged('src/engine/window/example.ts', 'export const createCounter = () => ({ n: 0 });\n')).toHaveLength(1);
    const instance = 'class Counter {\n  n = 0;\n}\nexport function createCounter(): Counter {\n  return new Counter();\n}\n';
    expect(await flagged('src/engine/aggregate/example.ts', instance)).toEqual([]);
    // Operators are objects of methods the runtime calls once per batch, not state a loop reads.
    expect(await flagged('src/engine/window/example.ts', 'export function createXOperator(): { push(): void } {\n  return { push() {} };\n}\n')).toEqual([]);
  });

  it('starts fields that hold times as NaN', async () => {
    expect(await flagged('src/engine/window/example.ts', 'export class Run {\n  lo = 0;\n  eventTime = -1;\n}\n')).toHaveLength(2);
    expect(await flagged('src/engine/window/example.ts', 'export class Run {\n  lo = NaN;\n  eventTime = NaN;\n  count = 0;\n}\n')).toEqual([]);
  });

  it('keeps cell kernels to typed arrays and numbers, with no closures or array callbacks', async () => {
    const good = 'export function addAll(n: Float64Array | null, cells: Int32Array, from: number, to: number): void {\n' +
      '  if (n === null) return;\n  for (let j = from; j < to; j++) n[cells[j]!]!++;\n}\n';
    expect(await flagged('src/engine/window/cellKernels.ts', good)).toEqual([]);
    const objectParam = 'export function addAll(n: number[], cells: { at: Int32Array } | null, to: number): void {\n  n[cells!.at[to]!]!++;\n}\n';
    expect(await flagged('src/engine/window/cellKernels.ts', objectParam)).toHaveLength(2);
    const callback = 'export function addAll(n: Float64Array, cells: Int32Array): void {\n  cells.forEach((c) => n[c]!++);\n}\n';
    expect(await flagged('src/engine/window/stagedKernels.ts', callback)).toEqual([
      expect.stringContaining('for and an index'), expect.stringContaining('no closures'),
    ]);
    expect(await flagged('src/engine/window/fastFold.ts', callback)).toHaveLength(2);
  });
});
