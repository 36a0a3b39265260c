/**
 * One file-source case: text read as CSV, NDJSON or a JSON array, first by
 * the parser alone, then as the inline data of a file source feeding a
 * one-second tumbling count (so event times reach window assignment). The
 * rules: nothing throws, every skipped row names a line that exists, and
 * every run diagnostic of the source starts with its line.
 */
import { validate } from '../../model';
import { parseFileSource } from '../../engine/sources/file';
import { textOf, type TextSpec } from './materialize';
import { runBounded } from './runBounded';
import { thrown, type CaseOutcome } from './types';

export interface FileRowsCase {
  readonly text: TextSpec | readonly TextSpec[];
  readonly format: 'auto' | 'csv' | 'ndjson' | 'json';
  readonly eventTime: string;
  readonly timeFormat: 'auto' | 'epochMillis' | 'epochSeconds' | 'iso';
  readonly delimiter?: string;
}

const ROW_DIAGNOSTIC = /^(line [1-9]\d*: |\d+ rows in all could not be read$)/;

export function runFileRowsCase(input: FileRowsCase): CaseOutcome {
  const violations: string[] = [];
  const text = textOf(input.text);
  const lines = text.split(/\r\n|\n|\r/).length;
  try {
    const parsed = parseFileSource(text, { format: input.format, eventTime: input.eventTime, timeFormat: input.timeFormat, delimiter: input.delimiter ?? ',' });
    if (parsed.ok) {
      for (const error of parsed.rowErrors) {
        if (!Number.isInteger(error.line) || error.line < 1 || error.line > lines) violations.push(`row error at line ${error.line} of a ${lines}-line file: ${error.message}`);
      }
      if (parsed.block.length + parsed.badRowCount === 0) violations.push('read no rows and reported no bad rows');
    } else if (parsed.message.trim() === '') {
      violations.push('refused the file without a message');
    }

    const result = validate({
      format: 'windowpane.pipeline', version: 1, name: 'fuzz rows',
      nodes: [
        { id: 'file', kind: 'source.file', params: { format: input.format, eventTime: input.eventTime, timeFormat: input.timeFormat, data: text, ...(input.delimiter === undefined ? {} : { delimiter: input.delimiter }) } },
        { id: 'second', kind: 'window.tumbling', params: { size: '1s' } },
        { id: 'count', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
        { id: 'out', kind: 'sink.collect', params: {} },
      ],
      edges: [
        { id: 'e1', from: 'file', to: 'second' },
        { id: 'e2', from: 'second', to: 'count' },
        { id: 'e3', from: 'count', to: 'out' },
      ],
    });
    if (!result.ok) return { violations, outcome: 'invalid-params' };
    const run = runBounded(result.document, { limit: 100_000, timeMs: 1000 });
    for (const diagnostic of run.diagnostics) {
      if (diagnostic.nodeId === 'file' && !ROW_DIAGNOSTIC.test(diagnostic.message)) violations.push(`file diagnostic without a line: ${diagnostic.message}`);
    }
    for (const problem of run.problems) {
      if (problem.nodeId !== 'file' || !problem.path.startsWith('nodes[0].params')) violations.push(`compile problem at ${problem.nodeId} ${problem.path}: ${problem.message}`);
    }
    return { violations, outcome: parsed.ok ? 'read' : 'refused' };
  } catch (error) {
    return { violations: [`threw: ${thrown(error)}`], outcome: 'crash' };
  }
}
