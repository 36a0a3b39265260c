import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from './problems';
import { isRecord } from './rawAccess';
import { sensorPipeline } from './testing/fixtures';
import { validate } from './validate';

/** Raw zod wording that must never reach a person. */
const ZOD_WORDING = /Invalid input|Unrecognized key|expected \w+, received|Too (small|big)/;

function expectWellFormed(result: ValidationResult): void {
  if (result.ok) {
    // What validate returns is itself a valid document: parsing is idempotent.
    expect(validate(result.document)).toEqual({ ok: true, document: result.document });
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const item of result.problems) {
    expect(typeof item.path).toBe('string');
    expect(item.message.length).toBeGreaterThan(0);
    expect(item.message).not.toMatch(ZOD_WORDING);
    // The last-resort catch in validate is for hostile objects, not for data.
    expect(item.message).not.toMatch(/^the document could not be checked/);
  }
}

type Path = (string | number)[];

/** Every path into a JSON value, the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'addKey'; key: string; value: unknown } | { kind: 'duplicate' };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('addKey' as const),
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'id', 'kind', 'params', 'size')),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const) }),
  // Values from the document's own vocabulary reach deeper rules than random JSON does.
  fc.record({
    kind: fc.constant('replace' as const),
    value: fc.constantFrom('src', 'k', 'w', 'agg', 'snk', 'late', 'out', 'in', '0', '-5m', '1m', 'aggregate', 'window.hopping', 'transform.union', 0, -1, 1.5, null, [], {}),
  }),
);

/** Applies one mutation at `path` of a deep copy of `document`. */
function mutate(document: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(document);
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : copy;
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] ?? 0;
  const container = parent as Record<string | number, unknown>;
  const target = container[last];
  switch (mutation.kind) {
    case 'replace':
      container[last] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
      else delete container[last];
      break;
    case 'addKey':
      if (isRecord(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'duplicate':
      if (Array.isArray(container) && typeof last === 'number') container.splice(last, 0, structuredClone(target));
      break;
  }
  return copy;
}

describe('validate, on any input', () => {
  it('never throws and answers in words, for arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(validate(value))), { numRuns: 300 });
  });

  it('never throws, for values JSON cannot even express', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true });
    fc.assert(fc.property(anything, (value) => expectWellFormed(validate(value))), { numRuns: 200 });
  });

  it('never throws, for random mutations of a valid document', () => {
    const base = sensorPipeline();
    const paths = pathsOf(base);
    const mutations = fc.array(fc.tuple(fc.nat(paths.length - 1), mutationArb), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(mutations, (steps) => {
        let document: unknown = base;
        for (const [index, mutation] of steps) {
          const candidates = pathsOf(document);
          document = mutate(document, candidates[index % candidates.length] ?? [], mutation);
        }
        expectWellFormed(validate(document));
      }),
      { numRuns: 500 },
    );
  });
});
