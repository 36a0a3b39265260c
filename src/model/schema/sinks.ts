/** Params of the sink nodes, each built at its first use (./onDemand.ts). */
import * as z from 'zod';
import { SINK_CHART, SINK_COLLECT, SINK_LOG, SINK_TABLE } from '../kinds';
import { MAX_LIST_ENTRIES, MAX_LOG_LINES } from '../limits';
import { fieldNameSchema, positiveDurationSchema, strict } from './common';
import { lazySchema } from './onDemand';

/** Results are kept for the host (the app's table, the CLI's output). */
export const collectSinkParamsSchema = lazySchema(SINK_COLLECT, () => strict({}));

export const logSinkParamsSchema = lazySchema(SINK_LOG, () => strict({
  limit: z.int().min(1).max(MAX_LOG_LINES).default(100).describe('How many lines to print.'),
}));

export type CollectSinkParams = z.output<typeof collectSinkParamsSchema>;
export type LogSinkParams = z.output<typeof logSinkParamsSchema>;

export const CHART_TYPES = ['line', 'bar', 'area'] as const;
/** What the chart's x axis shows: each result's window end, or each record's event time. */
export const CHART_X_AXES = ['windowEnd', 'eventTime'] as const;

/** A live chart of one numeric field, one series per key. */
export const chartSinkParamsSchema = lazySchema(SINK_CHART, () => strict({
  chart: z.enum(CHART_TYPES).default('line').describe('How the series are drawn: line, bar or area.'),
  y: fieldNameSchema.describe('The numeric field plotted on the y axis.'),
  x: z.enum(CHART_X_AXES).default('windowEnd').describe('The x axis: the window end of each result, or each record\'s event time.'),
  series: z.array(fieldNameSchema).max(MAX_LIST_ENTRIES).optional().describe('The fields that tell series apart; absent means the key fields of the aggregate before the chart.'),
  topKeys: z.int().min(1).max(50).default(5).describe('How many series to draw: the keys with the most results.'),
  timeRange: positiveDurationSchema.default('5m').describe('How much event time the chart shows (at least its newest 10 x values); older points scroll off.'),
}));

/** A live table of results, newest first. */
export const tableSinkParamsSchema = lazySchema(SINK_TABLE, () => strict({
  maxRows: z.int().min(1).max(1_000_000).default(100_000).describe('How many of the newest results the table keeps.'),
}));

export type ChartType = (typeof CHART_TYPES)[number];
export type ChartXAxis = (typeof CHART_X_AXES)[number];
export type ChartSinkParams = z.output<typeof chartSinkParamsSchema>;
export type TableSinkParams = z.output<typeof tableSinkParamsSchema>;
