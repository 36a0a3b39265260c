/** Params of the sink nodes. */
import { z } from 'zod';
import { strict } from './common';

/** Results are kept for the host (the app's table, the CLI's output). */
export const collectSinkParamsSchema = strict({});

export const logSinkParamsSchema = strict({
  limit: z.int().min(1).default(100).describe('How many lines to print.'),
});

export type CollectSinkParams = z.output<typeof collectSinkParamsSchema>;
export type LogSinkParams = z.output<typeof logSinkParamsSchema>;
