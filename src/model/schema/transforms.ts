/** Params of the record-at-a-time transforms: filter, map, keyBy, union; each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { TRANSFORM_FILTER, TRANSFORM_KEY_BY, TRANSFORM_MAP, TRANSFORM_UNION } from '../kinds';
import { MAX_LIST_ENTRIES } from '../limits';
import { fieldNameSchema, reportRepeats, strict } from './common';
import { lazySchema, onDemand } from './onDemand';

const expression = onDemand('expression', () => z.string().min(1));

export const filterParamsSchema = lazySchema(TRANSFORM_FILTER, () => strict({
  expr: expression().describe('A boolean expression; events for which it is false are dropped.'),
}));

const mapField = onDemand('mapField', () => strict({
  name: fieldNameSchema.describe('The computed field.'),
  expr: expression().describe('The expression that computes it.'),
}));
export const mapFieldSchema = z.lazy(mapField);

export const mapParamsSchema = lazySchema(TRANSFORM_MAP, () => strict({
  fields: z.array(mapField()).min(1).max(MAX_LIST_ENTRIES).describe('The computed fields.'),
  keep: z
    .boolean()
    .default(true)
    .describe('Keep the input fields beside the computed ones (a computed field replaces a kept one).'),
}).superRefine((params, ctx) => {
  // Two computed fields of one name would leave the result to chance.
  reportRepeats(
    params.fields.map((field) => field.name),
    ctx,
    (index) => ['fields', index, 'name'],
    (index) => `fields[${index}]`,
  );
}));

export const keyByParamsSchema = lazySchema(TRANSFORM_KEY_BY, () => strict({
  fields: z.array(fieldNameSchema).min(1).max(MAX_LIST_ENTRIES).describe('The fields that make up the key.'),
}).superRefine((params, ctx) => {
  reportRepeats(params.fields, ctx, (index) => ['fields', index], (index) => `fields[${index}]`);
}));

export const unionParamsSchema = lazySchema(TRANSFORM_UNION, () => strict({}));

export type FilterParams = z.output<typeof filterParamsSchema>;
export type MapField = z.output<typeof mapFieldSchema>;
export type MapParams = z.output<typeof mapParamsSchema>;
export type KeyByParams = z.output<typeof keyByParamsSchema>;
export type UnionParams = z.output<typeof unionParamsSchema>;
