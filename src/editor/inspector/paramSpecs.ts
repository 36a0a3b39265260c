import * as z from 'zod';
import { DURATION_PATTERN, nodeSchema } from '../../model';
// The document's own wording for generic issues, so a draft reads as its problem will.
import { issuePredicate } from '../../model/issues';

/** What every control knows about its param, read from the zod schema. */
interface Common {
  /** The key in params (or in a list item). */
  readonly key: string;
  /** The schema's own `.describe()` text. */
  readonly description: string | undefined;
  /** Absent values are an error (no default, not optional). */
  readonly required: boolean;
  /** The value the format fills in when the param is left out. */
  readonly defaultValue: unknown;
  /** The param's schema without optional/default wrappers: checks a draft value on its own. */
  readonly schema: z.ZodType;
}

/** How one param is edited; derived from its schema, refined by name where the schema cannot tell (field names, expressions). */
export type ParamSpec = Common & (
  | { readonly control: 'duration' }
  | { readonly control: 'number'; readonly integer: boolean; readonly min: Bound | null; readonly max: Bound | null }
  | { readonly control: 'enum'; readonly options: readonly string[] }
  | { readonly control: 'boolean' }
  | { readonly control: 'text' }
  | { readonly control: 'longText' }
  | { readonly control: 'fixed'; readonly value: string }
  | { readonly control: 'field' }
  | { readonly control: 'fields'; readonly minItems: number }
  | { readonly control: 'expression'; readonly boolean: boolean }
  | { readonly control: 'list'; readonly item: readonly ParamSpec[]; readonly minItems: number }
  | { readonly control: 'strings'; readonly minItems: number }
  /** A nested object (a retry policy): its own params, set as a whole or left out for the default. */
  | { readonly control: 'group'; readonly item: readonly ParamSpec[] }
);

export interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/**
 * Where the schema cannot tell a field name or an expression from any other
 * string: `kind.param`, and `kind.param.itemKey` inside lists.
 */
const BY_NAME: ReadonlyMap<string, 'field' | 'fields' | 'expression' | 'filter' | 'longText'> = new Map([
  ['source.file.eventTime', 'field'],
  ['source.file.data', 'longText'],
  ['transform.filter.expr', 'filter'],
  ['transform.map.fields.expr', 'expression'],
  ['transform.keyBy.fields', 'fields'],
  ['transform.clean.fields', 'fields'],
  ['transform.rolling.field', 'field'],
  ['aggregate.aggregations.field', 'field'],
  ['detect.threshold.field', 'field'],
  ['detect.changepoint.field', 'field'],
  ['sink.chart.y', 'field'],
  ['sink.chart.series', 'fields'],
  ['sink.alert.when', 'filter'],
  ['detect.zscore.field', 'field'],
  ['detect.ewma.field', 'field'],
  ['detect.mad.field', 'field'],
  ['detect.contextual.field', 'field'],
] as const);

/** zod keeps ints' implicit bounds at the safe-integer limits; they are not worth showing. */
const SAFE = Number.MAX_SAFE_INTEGER;

/** The params schema of each kind, read from the document's discriminated union so it cannot drift from the format. */
const PARAMS_BY_KIND: ReadonlyMap<string, z.ZodObject> = new Map(
  nodeSchema.def.options.map((option) => {
    const shape = option.shape;
    const kind = shape.kind.def.values[0] as string;
    return [kind, unwrap(shape.params as z.ZodType).schema as z.ZodObject];
  }),
);

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean; defaultValue: unknown; description: string | undefined } {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  let description = schema.description;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      const def = current.def as unknown as { defaultValue: unknown; innerType: z.ZodType };
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      optional = true;
      current = def.innerType;
    } else if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.def.innerType as z.ZodType;
    } else if (current instanceof z.ZodLazy) {
      // A kind's params are built at their first use (src/model/schema/onDemand.ts); innerType builds them once.
      current = current._zod.innerType as z.ZodType;
    } else break;
    description ??= current.description;
  }
  return { schema: current, optional, defaultValue, description };
}

function checksOf(schema: z.ZodType): readonly { _zod: { def: Record<string, unknown> } }[] {
  return (schema.def as unknown as { checks?: readonly { _zod: { def: Record<string, unknown> } }[] }).checks ?? [];
}

function isDuration(schema: z.ZodType): boolean {
  return checksOf(schema).some((c) => c._zod.def['pattern'] instanceof RegExp && (c._zod.def['pattern'] as RegExp).source === DURATION_PATTERN);
}

function minLength(schema: z.ZodType): number {
  const check = checksOf(schema).find((c) => c._zod.def['check'] === 'min_length');
  return typeof check?._zod.def['minimum'] === 'number' ? check._zod.def['minimum'] : 0;
}

function bound(schema: z.ZodType, check: 'greater_than' | 'less_than'): Bound | null {
  let found: Bound | null = null;
  for (const c of checksOf(schema)) {
    const def = c._zod.def;
    if (def['check'] !== check || typeof def['value'] !== 'number' || Math.abs(def['value']) >= SAFE) continue;
    found = { value: def['value'], inclusive: def['inclusive'] === true };
  }
  return found;
}

function specOf(key: string, raw: z.ZodType, path: string): ParamSpec {
  const { schema, optional, defaultValue, description } = unwrap(raw);
  const common: Common = { key, description, required: !optional, defaultValue, schema };
  const named = BY_NAME.get(path);
  if (named === 'field') return { ...common, control: 'field' };
  if (named === 'filter' || named === 'expression') return { ...common, control: 'expression', boolean: named === 'filter' };
  if (named === 'longText') return { ...common, control: 'longText' };
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as z.ZodType).schema;
    const minItems = minLength(schema);
    if (named === 'fields') return { ...common, control: 'fields', minItems };
    if (element instanceof z.ZodObject) return { ...common, control: 'list', item: specsOfShape(element, path), minItems };
    return { ...common, control: 'strings', minItems };
  }
  if (schema instanceof z.ZodEnum) return { ...common, control: 'enum', options: schema.options.map(String) };
  if (schema instanceof z.ZodLiteral) return { ...common, control: 'fixed', value: String(schema.def.values[0]) };
  if (schema instanceof z.ZodBoolean) return { ...common, control: 'boolean' };
  if (schema instanceof z.ZodNumber) {
    return { ...common, control: 'number', integer: schema.isInt === true, min: bound(schema, 'greater_than'), max: bound(schema, 'less_than') };
  }
  if (schema instanceof z.ZodString && isDuration(schema)) return { ...common, control: 'duration' };
  if (schema instanceof z.ZodObject) return { ...common, control: 'group', item: specsOfShape(schema, path) };
  return { ...common, control: 'text' };
}

function specsOfShape(object: z.ZodObject, path: string): ParamSpec[] {
  return Object.entries(object.shape).map(([key, schema]) => specOf(key, schema as z.ZodType, `${path}.${key}`));
}

/** The params of a kind, in the schema's order, each with how to edit it; empty for an unknown kind. */
export function paramSpecs(kind: string): readonly ParamSpec[] {
  const object = PARAMS_BY_KIND.get(kind);
  return object === undefined ? [] : specsOfShape(object, kind);
}

/**
 * Checks one value against its param's own schema, as validation will once
 * it is committed: null when it passes, else a predicate without the param's
 * name ("must be a duration like 30s or 5m").
 */
export function checkValue(spec: ParamSpec, value: unknown): string | null {
  if (value === undefined) return spec.required ? 'is required' : null;
  const result = spec.schema.safeParse(value, { error: issuePredicate });
  return result.success ? null : (result.error.issues[0]?.message ?? 'is not valid');
}
