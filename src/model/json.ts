/**
 * Reading pipeline files: JSON text to a value, with syntax errors reported
 * by line and column the way an editor shows them.
 */
import { findJsonSyntaxError } from './jsonSyntax';
import type { Problem, ValidationResult } from './problems';
import { validate } from './validate';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/**
 * Parses JSON text. A byte order mark is ignored (editors on Windows add
 * one). On a syntax error the problem names the line and column (both
 * 1-based) and carries them as `line` and `column`.
 */
export function parsePipelineJson(text: string): JsonParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = locateJsonError(source, message);
    const sentence = `the file is not valid JSON: line ${line}, column ${column}: ${reason(message)}`;
    return { ok: false, problem: { path: '', line, column, message: sentence } };
  }
}

/**
 * Parses and validates a pipeline file.
 *
 * @returns the document with defaults filled in, or every problem found.
 */
export function loadPipeline(text: string): ValidationResult {
  const parsed = parsePipelineJson(text);
  return parsed.ok ? validate(parsed.value) : { ok: false, problems: [parsed.problem] };
}

/**
 * Line and column of a JSON.parse error: from the engine's message when it
 * says (V8's "at position 123", newer V8's "(line 3 column 5)", Firefox's
 * "at line 3 column 5"), else from our own scan of the text.
 */
export function locateJsonError(source: string, message: string): { line: number; column: number } {
  // Newer V8 and Firefox: "(line 3 column 5)" / "at line 3 column 5".
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  // Node 20's V8: "... in JSON at position 123".
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : (findJsonSyntaxError(source) ?? source.length);
  return lineAndColumn(source, offset);
}

/** 1-based line and column of an offset; `\r\n` counts as one line break. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split('\n');
  const last = lines.at(-1) ?? '';
  return { line: lines.length, column: last.length + 1 };
}

/** The engine's message without its position and its echo of the text. */
function reason(message: string): string {
  const cleaned = message
    .replace(/^JSON\.parse: /, '')
    .replace(/,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/ (?:at )?\(?line \d+ column \d+.*$/s, '')
    .trim();
  return cleaned === '' ? 'unexpected text' : cleaned;
}
