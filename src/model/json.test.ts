import { describe, expect, it } from 'vitest';
import { lineAndColumn, loadPipeline, locateJsonError, parsePipelineJson } from './json';
import { sensorPipeline } from './testing/fixtures';

describe('parsePipelineJson', () => {
  it('returns the value, when the text is JSON', () => {
    expect(parsePipelineJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('names line and column of a missing comma', () => {
    const text = '{\n  "name": "x",\n  "version": 1\n  "nodes": []\n}';
    expect(parsePipelineJson(text)).toEqual({
      ok: false,
      problem: {
        path: '',
        line: 4,
        column: 3,
        message: "the file is not valid JSON: line 4, column 3: Expected ',' or '}' after property value",
      },
    });
  });

  it('names line and column of trailing garbage', () => {
    const result = parsePipelineJson('{"a": 1}\n\n  oops');
    expect(result.ok ? undefined : result.problem).toMatchObject({ line: 3, column: 3 });
    expect(result.ok ? '' : result.problem.message).toBe(
      'the file is not valid JSON: line 3, column 3: Unexpected non-whitespace character after JSON',
    );
  });

  it('finds the position itself, when the engine message has none', () => {
    const result = parsePipelineJson('[1,\n 2,\n]');
    expect(result.ok ? undefined : result.problem).toMatchObject({ line: 3, column: 1 });
    expect(result.ok ? '' : result.problem.message).toBe("the file is not valid JSON: line 3, column 1: Unexpected token ']'");
  });

  it('points past the end, when the text stops early', () => {
    const result = parsePipelineJson('{\n  "a": ');
    expect(result.ok ? undefined : result.problem).toMatchObject({ line: 2, column: 8 });
    expect(parsePipelineJson('')).toMatchObject({ ok: false, problem: { line: 1, column: 1 } });
  });

  it('ignores a byte order mark, as Windows editors write one', () => {
    expect(parsePipelineJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('locateJsonError', () => {
  const text = '{\n  "a": 1\n  "b": 2\n}';

  it('reads the position of Node 20 V8 messages', () => {
    const message = "Expected ',' or '}' after property value in JSON at position 13";
    expect(locateJsonError(text, message)).toEqual({ line: 3, column: 3 });
  });

  it('reads line and column of newer V8 messages', () => {
    const message = "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)";
    expect(locateJsonError(text, message)).toEqual({ line: 3, column: 3 });
  });

  it('reads line and column of Firefox messages', () => {
    const message = "JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data";
    expect(locateJsonError(text, message)).toEqual({ line: 3, column: 3 });
  });

  it('scans the text itself, when the message has no position (Safari)', () => {
    expect(locateJsonError(text, "JSON Parse error: Expected '}'")).toEqual({ line: 3, column: 3 });
  });
});

describe('lineAndColumn', () => {
  it('counts \\r\\n as one line break and columns from 1', () => {
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('loadPipeline', () => {
  it('parses and validates in one step', () => {
    const result = loadPipeline(JSON.stringify(sensorPipeline()));
    expect(result.ok).toBe(true);
  });

  it('returns the syntax problem alone, when the text is not JSON', () => {
    const result = loadPipeline('{');
    expect(result.ok ? [] : result.problems).toHaveLength(1);
  });

  it('returns validation problems, when the JSON is not a pipeline', () => {
    expect(loadPipeline('[]')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'the document must be an object, got an empty array' }],
    });
  });
});
