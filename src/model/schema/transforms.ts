/** Params of the record-at-a-time transforms: filter, map, keyBy, union. */
import * as z from 'zod';
import { MAX_LIST_ENTRIES } from '../limits';
import { fieldNameSchema, reportRepeats, strict } from './common';

const expressionSchema = z.string().min(1);

export const filterParamsSchema = strict({
  expr: expressionSchema.describe('A boolean expression; events for which it is false are dropped.'),
});

export const mapFieldSchema = strict({
  name: fieldNameSchema.describe('The computed field.'),
  expr: expressionSchema.describe('The expression that computes it.'),
});

export const mapParamsSchema = strict({
  fields: z.array(mapFieldSchema).min(1).max(MAX_LIST_ENTRIES).describe('The computed fields.'),
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
});

export const keyByParamsSchema = strict({
  fields: z.array(fieldNameSchema).min(1).max(MAX_LIST_ENTRIES).describe('The fields that make up the key.'),
}).superRefine((params, ctx) => {
  reportRepeats(params.fields, ctx, (index) => ['fields', index], (index) => `fields[${index}]`);
});

export const unionParamsSchema = strict({});

export type FilterParams = z.output<typeof filterParamsSchema>;
export type MapField = z.output<typeof mapFieldSchema>;
export type MapParams = z.output<typeof mapParamsSchema>;
export type KeyByParams = z.output<typeof keyByParamsSchema>;
export type UnionParams = z.output<typeof unionParamsSchema>;
