/**
 * Time windows in Flink SQL. Tumbling, hopping and cumulate windows use
 * the windowing table functions TUMBLE, HOP and CUMULATE (with their
 * offset when it is not 0), grouped by window_start, window_end and the
 * keys. Sessions use the group-window form `GROUP BY SESSION(time, gap),
 * keys` with SESSION_START / SESSION_END / SESSION_ROWTIME: Flink 2.2 has a
 * SESSION table function too, but the Flink SQL grammar we check scripts
 * with (dt-sql-parser 4.5.1) rejects it, and Flink's docs still support the
 * group-window form (deprecated in favour of the table functions, not
 * removed). A hopping window whose size is not a whole multiple of its slide
 * also uses the group-window form (HOP), since Flink's HOP table function
 * slices windows by the slide and refuses such sizes; that form has no
 * offset, so with an offset it is a gap.
 */
import { parseDuration, type PipelineNode } from '../model';
import { ident } from './identifiers';
import { interval } from './intervals';

export type WindowNode = Extract<PipelineNode, { kind: `window.${string}` }>;

/** How a window is written: a table function over the input, or a group window in GROUP BY. */
export type WindowForm =
  | { readonly form: 'tvf'; readonly fn: 'TUMBLE' | 'HOP' | 'CUMULATE'; readonly intervals: readonly string[] }
  | { readonly form: 'group'; readonly fn: 'SESSION' | 'HOP'; readonly intervals: readonly string[] }
  | { readonly form: 'none'; readonly reason: string };

function ms(text: string): number {
  return parseDuration(text) ?? 0;
}

/** The intervals after the descriptor, with the offset last when it is not 0. */
function withOffset(intervals: string[], offset: number): string[] {
  return offset === 0 ? intervals : [...intervals, interval(offset)];
}

export function windowForm(node: WindowNode): WindowForm {
  switch (node.kind) {
    case 'window.tumbling':
      return { form: 'tvf', fn: 'TUMBLE', intervals: withOffset([interval(ms(node.params.size))], ms(node.params.offset)) };
    case 'window.hopping': {
      const size = ms(node.params.size);
      const slide = ms(node.params.slide);
      const offset = ms(node.params.offset);
      if (size % slide === 0) return { form: 'tvf', fn: 'HOP', intervals: withOffset([interval(slide), interval(size)], offset) };
      if (offset !== 0) return { form: 'none', reason: 'a hopping window whose size is not a whole multiple of its slide has no Flink SQL form with an offset (the HOP table function needs size = n * slide; the group window HOP takes no offset)' };
      return { form: 'group', fn: 'HOP', intervals: [interval(slide), interval(size)] };
    }
    case 'window.cumulate':
      return { form: 'tvf', fn: 'CUMULATE', intervals: withOffset([interval(ms(node.params.step)), interval(ms(node.params.maxSize))], ms(node.params.offset)) };
    case 'window.session':
      return { form: 'group', fn: 'SESSION', intervals: [interval(ms(node.params.gap))] };
    case 'window.count':
      return { form: 'none', reason: 'count windows have no Flink SQL equivalent (Flink SQL windows are time windows; count windows exist only in the DataStream API)' };
  }
}

/** True for a processing-time window (count windows have no time). */
export function isProcessingTime(node: WindowNode): boolean {
  return node.kind !== 'window.count' && node.params.time === 'processing';
}

/** The window's allowed lateness in ms (0 for count windows). */
export function latenessOf(node: WindowNode): number {
  return node.kind === 'window.count' ? 0 : ms(node.params.allowedLateness);
}

/** `FN(TABLE t, DESCRIPTOR(time), intervals...)` of a table-function window. */
export function tvfCall(form: Extract<WindowForm, { form: 'tvf' }>, table: string, time: string): string {
  return `TABLE(${form.fn}(TABLE ${ident(table)}, DESCRIPTOR(${ident(time)}), ${form.intervals.join(', ')}))`;
}

/** `FN(time, intervals...)`, and its auxiliary `FN_START(...)` etc. when `suffix` is given. */
export function groupCall(form: Extract<WindowForm, { form: 'group' }>, time: string, suffix = ''): string {
  return `${form.fn}${suffix}(${ident(time)}, ${form.intervals.join(', ')})`;
}
