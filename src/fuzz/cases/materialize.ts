/**
 * Fuzz inputs travel as JSON (to the case worker, into corpus files), which
 * cannot hold NaN, -0, cycles or a value nested 100,000 deep without blowing
 * the stack of JSON.stringify itself. Such values are written as markers
 * (`{ "$fuzz": ... }`) and built here, inside the worker, just before use.
 */

/** A marker: `num` (NaN, Infinity, -Infinity, -0), `deep` (nested arrays or objects), `cycle` (the root itself). */
export type Marker =
  | { readonly $fuzz: 'num'; readonly value: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { readonly $fuzz: 'deep'; readonly depth: number; readonly shape: 'array' | 'object'; readonly leaf?: unknown }
  | { readonly $fuzz: 'cycle' };

const NUMS: ReadonlyMap<string, number> = new Map([['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['-0', -0]]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `[[[...leaf...]]]` or `{"a":{"a":...}}`, built with a loop: the input controls the depth, not our stack. */
export function deepValue(depth: number, shape: 'array' | 'object', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { a: value };
  return value;
}

/**
 * Replaces markers in a parsed JSON value (in place for objects and arrays,
 * which are fresh from JSON.parse). Iterative, so a deep input is no problem
 * here. Keys are written with defineProperty: `__proto__` stays an own key.
 */
export function materialize(input: unknown): unknown {
  const root = { value: input };
  const stack: [Record<string, unknown> | unknown[], string | number][] = [[root as Record<string, unknown>, 'value']];
  while (stack.length > 0) {
    const [parent, key] = stack.pop()!;
    const value = (parent as Record<string | number, unknown>)[key];
    const replacement = markerValue(value, root);
    if (replacement !== undefined) {
      Object.defineProperty(parent, key, { value: replacement.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (Array.isArray(value)) value.forEach((_, i) => stack.push([value, i]));
    else if (isObject(value)) for (const k of Object.keys(value)) stack.push([value, k]);
  }
  return root.value;
}

function markerValue(value: unknown, root: { value: unknown }): { value: unknown } | undefined {
  if (!isObject(value) || !Object.hasOwn(value, '$fuzz')) return undefined;
  const kind = value['$fuzz'];
  if (kind === 'num') {
    const n = NUMS.get(String(value['value']));
    return n === undefined ? undefined : { value: n };
  }
  if (kind === 'deep') {
    const depth = Math.min(Number(value['depth']) || 0, 1_000_000);
    return { value: deepValue(depth, value['shape'] === 'object' ? 'object' : 'array', Object.hasOwn(value, 'leaf') ? value['leaf'] : 1) };
  }
  if (kind === 'cycle') return { value: root.value };
  return undefined;
}

/** Text, or deeply nested JSON text written short: `before + "[[[...1...]]]" + after`. */
export type TextSpec = string | { readonly $fuzz: 'deepText'; readonly depth: number; readonly shape: 'array' | 'object'; readonly before?: string; readonly after?: string };

/** The text a spec stands for; a list of specs is joined with line breaks. */
export function textOf(spec: TextSpec | readonly TextSpec[]): string {
  if (Array.isArray(spec)) return spec.map((part: TextSpec) => textOf(part)).join('\n');
  const one = spec as TextSpec;
  if (typeof one === 'string') return one;
  const depth = Math.min(Math.max(0, Math.floor(one.depth)), 1_000_000);
  const [open, close] = one.shape === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `${one.before ?? ''}${open.repeat(depth)}1${close.repeat(depth)}${one.after ?? ''}`;
}
