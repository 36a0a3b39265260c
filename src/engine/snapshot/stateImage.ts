/**
 * Operator state as plain, structured-clonable data, and back.
 *
 * The engine's state is class instances (for V8's hidden classes, see FastRun
 * in window/fastFold), typed arrays, arrays, Maps and numbers. `captureState`
 * copies such a graph into an image of typed arrays, arrays, Maps, Sets and
 * tagged plain objects (no prototypes, no functions), keeping objects that
 * several fields share shared (a direct slice store's one cell array). Config
 * is left out: functions, and the objects a caller names as config (the
 * aggregate plan, key fields), which the fresh operator rebuilt from the plan.
 *
 * `restoreState` writes an image into a freshly built operator of the same
 * config *in place*: its objects keep their identity and hidden class, and
 * arrays are written into the operator's own when they fit, and
 * only objects the fresh operator lacks (a session's accumulator, a distinct
 * set of a cell) are made, from the classes registered below by name (a
 * prototype is not data). An image may be restored any number of times.
 */
import type { StringDict } from '../batch';

/** What a captured graph is: opaque to callers, structured-clonable. */
export type StateImage = unknown;

/** How images name the string dictionaries that state points to (they belong to the nodes that produce them). */
export interface DictNames {
  /** The name of a dictionary in the snapshot, or undefined when no producer owns it. */
  nameOf(dict: StringDict): string | undefined;
}

/** The dictionaries of the runtime being restored, by the names of DictNames. */
export interface DictsByName {
  dictNamed(name: string): StringDict | undefined;
}

type ClassOf = abstract new (...args: never[]) => object;

const classByName = new Map<string, ClassOf>();
const nameByPrototype = new Map<object, string>();

/**
 * Lets instances of `cls` be captured; `name` must be unique and stable (it
 * is data in the snapshot; a minifier renames classes, so not `cls.name`).
 */
export function registerStateClass(name: string, cls: ClassOf): void {
  const known = classByName.get(name);
  if (known !== undefined && known !== cls) throw new Error(`two state classes are called ${name}`);
  classByName.set(name, cls);
  nameByPrototype.set(cls.prototype as object, name);
}

/** Tags of the objects in an image (a plain object there is always one of these). */
interface ObjectImage {
  readonly $: 'object';
  /** Registered class name; '' for an object without a prototype, null for a plain object. */
  readonly cls: string | null;
  readonly fields: Record<string, StateImage>;
}
interface DictImage {
  readonly $: 'dict';
  readonly name: string;
}
interface ConfigImage {
  readonly $: 'config';
}
const CONFIG: ConfigImage = { $: 'config' };

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;

function isTypedArray(value: object): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isDict(value: object): value is StringDict {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && Array.isArray((value as Partial<StringDict>).values) && (value as Partial<StringDict>).index instanceof Map;
}

/**
 * Copies `root` into an image. `config` holds objects that are config (left
 * out, and left as the fresh operator has them on restore); functions always
 * are. Throws on an object of an unregistered class or a dictionary no node
 * owns: a snapshot must never silently lose state.
 */
export function captureState(root: object, names: DictNames, config: ReadonlySet<object> = new Set()): StateImage {
  const seen = new Map<object, StateImage>();

  function capture(value: unknown, at: string): StateImage {
    if (typeof value === 'function') return CONFIG;
    if (typeof value === 'symbol' || typeof value === 'bigint') throw new Error(`snapshot: cannot capture a ${typeof value} at ${at}`);
    if (typeof value !== 'object' || value === null) return value;
    if (config.has(value)) return CONFIG;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (isTypedArray(value)) {
      const copy = value.slice();
      seen.set(value, copy);
      return copy;
    }
    if (Array.isArray(value)) {
      const copy: StateImage[] = new Array<StateImage>(value.length);
      seen.set(value, copy);
      // forEach skips holes, so a sparse array stays sparse.
      (value as unknown[]).forEach((item, i) => {
        copy[i] = capture(item, at);
      });
      return copy;
    }
    if (value instanceof Map) {
      const copy = new Map<StateImage, StateImage>();
      seen.set(value, copy);
      for (const [k, v] of value as Map<unknown, unknown>) copy.set(capture(k, at), capture(v, at));
      return copy;
    }
    if (value instanceof Set) {
      const copy = new Set<StateImage>();
      seen.set(value, copy);
      for (const v of value as Set<unknown>) copy.add(capture(v, at));
      return copy;
    }
    if (isDict(value)) {
      const name = names.nameOf(value);
      if (name === undefined) throw new Error(`snapshot: a string dictionary at ${at} belongs to no node`);
      const image: DictImage = { $: 'dict', name };
      seen.set(value, image);
      return image;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    let cls: string | null;
    if (proto === Object.prototype) cls = null;
    else if (proto === null) cls = '';
    else {
      const name = nameByPrototype.get(proto as object);
      if (name === undefined) {
        const ctor = (proto as { constructor?: { name?: string } }).constructor?.name ?? '?';
        throw new Error(`snapshot: ${at} holds an instance of ${ctor}, which is not a registered state class`);
      }
      cls = name;
    }
    const fields: Record<string, StateImage> = {};
    const image: ObjectImage = { $: 'object', cls, fields };
    seen.set(value, image);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) fields[key] = capture(record[key], `${at}.${key}`);
    return image;
  }

  return capture(root, 'state');
}

function isTagged(value: object): value is ObjectImage | DictImage | ConfigImage {
  return !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set) && !isTypedArray(value) && typeof (value as { $?: unknown }).$ === 'string';
}

/** A new, empty instance of a registered class (its fields come from the image). */
function instanceOf(cls: string | null): Record<string, unknown> {
  if (cls === null) return {};
  if (cls === '') return Object.create(null) as Record<string, unknown>;
  const ctor = classByName.get(cls);
  if (ctor === undefined) throw new Error(`snapshot: unknown state class ${cls} (a snapshot of another version?)`);
  return Object.create(ctor.prototype as object) as Record<string, unknown>;
}

/**
 * Writes `image` (from captureState of an object of the same config) into
 * `target`, in place. Throws when the image does not fit the target.
 */
export function restoreState(target: object, image: StateImage, dicts: DictsByName): void {
  const made = new Map<object, unknown>();

  function restore(current: unknown, value: StateImage): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = made.get(value);
    if (known !== undefined) return known;
    if (isTypedArray(value)) {
      // Into the array the operator has when it fits: a closure may hold it (the union's watermarks).
      const fits = typeof current === 'object' && current !== null && Object.getPrototypeOf(current) === Object.getPrototypeOf(value) && (current as TypedArray).length === value.length;
      const out = fits ? (current as TypedArray) : value.slice();
      if (fits) out.set(value as never);
      made.set(value, out);
      return out;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = Array.isArray(current) ? (current as unknown[]) : [];
      made.set(value, out);
      const templates = out.slice();
      out.length = 0;
      (value as StateImage[]).forEach((item, i) => {
        out[i] = restore(templates[i], item);
      });
      out.length = value.length;
      return out;
    }
    if (value instanceof Map) {
      const out = current instanceof Map ? (current as Map<unknown, unknown>) : new Map<unknown, unknown>();
      made.set(value, out);
      out.clear();
      for (const [k, v] of value as Map<StateImage, StateImage>) out.set(restore(undefined, k), restore(undefined, v));
      return out;
    }
    if (value instanceof Set) {
      const out = current instanceof Set ? (current as Set<unknown>) : new Set<unknown>();
      made.set(value, out);
      out.clear();
      for (const v of value as Set<StateImage>) out.add(restore(undefined, v));
      return out;
    }
    if (!isTagged(value)) throw new Error('snapshot: an untagged object in a state image');
    if (value.$ === 'config') return current;
    if (value.$ === 'dict') {
      const dict = dicts.dictNamed(value.name);
      if (dict === undefined) throw new Error(`snapshot: no dictionary ${JSON.stringify(value.name)} in this run`);
      made.set(value, dict);
      return dict;
    }
    const fits = typeof current === 'object' && current !== null && !Array.isArray(current) && fitsClass(current, value.cls);
    const out = fits ? (current as Record<string, unknown>) : instanceOf(value.cls);
    made.set(value, out);
    writeFields(out, value.fields);
    return out;
  }

  function writeFields(out: Record<string, unknown>, fields: Record<string, StateImage>): void {
    for (const key of Object.keys(fields)) {
      const next = restore(out[key], fields[key]);
      if (out[key] !== next || !(key in out)) out[key] = next;
    }
  }

  if (typeof image !== 'object' || image === null || !isTagged(image) || image.$ !== 'object') throw new Error('snapshot: not a state image');
  if (!fitsClass(target, image.cls)) throw new Error(`snapshot: the state is of class ${image.cls ?? 'Object'}, this operator's is not`);
  made.set(image, target);
  writeFields(target as Record<string, unknown>, image.fields);
}

function fitsClass(object: object, cls: string | null): boolean {
  const proto: unknown = Object.getPrototypeOf(object);
  if (cls === null) return proto === Object.prototype;
  if (cls === '') return proto === null;
  const ctor = classByName.get(cls);
  return ctor !== undefined && proto === ctor.prototype;
}
