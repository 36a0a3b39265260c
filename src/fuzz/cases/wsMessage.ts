/**
 * One WebSocket case: messages as a server might send them, split by
 * parseMessage, each object read by readRecord against declared fields, then
 * offered to a `source.websocket` feeding a one-second tumbling count. The
 * rules: nothing throws, every refusal says why (an NDJSON line of a
 * several-line message names its line), and the run ends.
 */
import { createStringDict, type Field } from '../../engine/batch';
import { parseMessage } from '../../engine/sources/websocket/parseMessage';
import { readRecord, type TimeReader } from '../../engine/sources/websocket/readRecord';
import { validate } from '../../model';
import { textOf, type TextSpec } from './materialize';
import { runBounded } from './runBounded';
import { thrown, type CaseOutcome } from './types';

export interface WsMessageCase {
  readonly messages: readonly TextSpec[];
  readonly format: 'auto' | 'object' | 'array' | 'ndjson';
  readonly fields: readonly Field[];
  readonly eventTime: string;
  readonly timeFormat: 'auto' | 'epochMillis' | 'epochSeconds' | 'iso';
}

export function runWsMessageCase(input: WsMessageCase): CaseOutcome {
  const violations: string[] = [];
  try {
    const messages = input.messages.map((spec) => textOf(spec));
    const dicts = new Map(input.fields.filter((f) => f.type === 'string').map((f) => [f.name, createStringDict()]));
    const reader: TimeReader = { format: input.timeFormat === 'auto' ? null : input.timeFormat };
    const row = new Float64Array(input.fields.length);
    for (const text of messages) {
      const parsed = parseMessage(text, input.format);
      const lines = text.split(/\r\n|\n|\r/).length;
      for (const refused of parsed.refused) {
        if (refused.reason.trim() === '') violations.push('a refused message part has no reason');
        if (input.format === 'ndjson' && lines > 1 && !/^line [1-9]\d*: /.test(refused.reason)) violations.push(`an NDJSON line refused without its line: ${refused.reason}`);
      }
      for (const record of parsed.records) {
        const read = readRecord(record, input.fields, input.eventTime, reader, dicts, row);
        if (!read.ok && read.reason.trim() === '') violations.push('a record refused without a reason');
        if (read.ok && !Number.isFinite(read.time)) violations.push(`a record was read with event time ${read.time}`);
      }
    }

    const result = validate({
      format: 'windowpane.pipeline', version: 1, name: 'fuzz ws',
      nodes: [
        { id: 'ws', kind: 'source.websocket', params: { url: 'ws://127.0.0.1:1/fuzz', format: input.format, fields: input.fields, eventTime: input.eventTime, timeFormat: input.timeFormat } },
        { id: 'second', kind: 'window.tumbling', params: { size: '1s' } },
        { id: 'count', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
        { id: 'out', kind: 'sink.collect', params: {} },
      ],
      edges: [
        { id: 'e1', from: 'ws', to: 'second' },
        { id: 'e2', from: 'second', to: 'count' },
        { id: 'e3', from: 'count', to: 'out' },
      ],
    });
    if (!result.ok) return { violations, outcome: 'invalid-params' };
    const run = runBounded(result.document, { limit: 100_000, timeMs: 1000, messages });
    if (!run.finished) violations.push('the run did not end within 1 s after its source closed');
    for (const problem of run.problems) violations.push(`compile problem at ${problem.nodeId} ${problem.path}: ${problem.message}`);
    return { violations, outcome: 'ran' };
  } catch (error) {
    return { violations: [`threw: ${thrown(error)}`], outcome: 'crash' };
  }
}
