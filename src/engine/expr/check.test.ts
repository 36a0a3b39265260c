import { describe, expect, it } from 'vitest';
import type { Schema } from '../batch';
import { compileExpression, compileFilter } from './expression';
import { caretColumn, compiled, errorOf } from './testing';

const schema: Schema = [
  { name: 'temperature', type: 'number' },
  { name: 'humidity', type: 'number' },
  { name: 'device', type: 'string' },
  { name: 'site', type: 'string' },
  { name: 'ts', type: 'time' },
  { name: 'alarm', type: 'boolean' },
  { name: 'payload.amount', type: 'number' },
];

describe('the type checker', () => {
  it.each([
    ['temperature', 'number'],
    ['ts', 'time'],
    ['ts + 60000', 'time'],
    ['60000 + ts', 'time'],
    ['ts - 60000', 'time'],
    ['ts - ts', 'number'],
    ['ts * 2', 'number'],
    ['-ts', 'number'],
    ['ts > temperature', 'boolean'],
    ['device + site', 'string'],
    ['device < "m"', 'boolean'],
    ['alarm == (temperature > 3)', 'boolean'],
    ['alarm ? ts : temperature', 'number'],
    ['alarm ? ts : ts', 'time'],
    ['alarm ? device : null', 'string'],
    ['coalesce(null, device, "x")', 'string'],
    ['coalesce(ts, temperature)', 'number'],
    ['coalesce(ts, null)', 'time'],
    ['max(ts, ts)', 'time'],
    ['max(ts, 1)', 'number'],
    ['hour(ts)', 'number'],
    ['len(device)', 'number'],
    ['contains(device, "a") and not alarm', 'boolean'],
    ['payload.amount * 2', 'number'],
  ])('types %s as %s', (source, type) => {
    expect(compiled(source, schema).type).toBe(type);
  });

  it('lists the fields an expression reads, once each, in order of first use', () => {
    expect(compiled('humidity > 3 && temperature < humidity || lower(device) == "x"', schema).fields).toEqual([
      'humidity',
      'temperature',
      'device',
    ]);
    expect(compiled('1 + 2', schema).fields).toEqual([]);
  });

  it('names an unknown field and suggests the closest known one', () => {
    const error = errorOf('humidity > 3 && temprature > 30', schema);
    expect(error).toEqual({ column: 17, message: "column 17: unknown field 'temprature' (did you mean 'temperature'?)" });
  });

  it('lists the known fields when none is close', () => {
    expect(errorOf('zzz', schema).message).toBe(
      "column 1: unknown field 'zzz' (known fields: 'temperature', 'humidity', 'device', 'site', 'ts', 'alarm', 'payload.amount')",
    );
    expect(errorOf('zzz', []).message).toBe("column 1: unknown field 'zzz' (the input has no fields)");
  });

  it('lists the known functions for an unknown one', () => {
    const error = errorOf('1 + uper(device)', schema);
    expect(error.column).toBe(5);
    expect(error.message).toBe(
      "column 5: unknown function 'uper' (did you mean 'upper'?); known functions: abs, ceil, coalesce, contains, floor, hour, len, log, lower, max, min, minute, round, sqrt, startsWith, upper",
    );
  });

  // The caret line sits under the source: each error points at the token that caused it.
  it.each([
    ['unknown field', 'abs(temprature)', '    ^', "unknown field 'temprature'"],
    ['unknown dotted field', 'payload.amont > 1', '^', "unknown field 'payload.amont' (did you mean 'payload.amount'?)"],
    ['unknown function', 'temperature + foo(1)', '              ^', "unknown function 'foo'"],
    ['too few arguments', 'humidity + round()', '           ^', 'round takes 1 or 2 arguments, got 0'],
    ['too many arguments', 'round(humidity, 1, 2)', '                   ^', 'round takes 1 or 2 arguments, got 3'],
    ['too few for variadic', 'max(1)', '^', 'max takes at least 2 arguments, got 1'],
    ['argument type', 'lower(temperature)', '      ^', 'lower needs a string as argument 1, got number'],
    ['second argument type', 'contains(device, 3)', '                 ^', 'contains needs a string as argument 2, got number'],
    ['numeric argument', 'sqrt(device)', '     ^', 'sqrt needs a number as argument 1, got string'],
    ['coalesce types', 'coalesce(temperature, device)', '                      ^', 'coalesce needs arguments of one type, got string after number'],
    ['comparison of types', 'temperature > "hot"', '            ^', "'>' cannot compare number with string"],
    ['ordering booleans', 'alarm < alarm', '      ^', "'<' does not order booleans"],
    ['arithmetic on a string', 'humidity * device', '           ^', "'*' needs numbers, got string on its right"],
    ['plus of mixed types', 'device + temperature', '       ^', "'+' adds two numbers or joins two strings, not string and number"],
    ['plus of a boolean', 'alarm + 1', '^', "'+' adds numbers or joins strings, not a boolean"],
    ['logic on a number', 'alarm && humidity', '         ^', "'&&' needs a boolean on its right, got number"],
    ['not of a number', 'not humidity', '    ^', "'not' needs a boolean, got number"],
    ['minus of a string', '1 + -device', '     ^', "'-' needs a number, got string"],
    ['condition type', 'humidity ? 1 : 2', '^', "the condition before '?' must be a boolean, got number"],
    ['branch types', 'alarm ? 1 : "one"', '            ^', "both branches of '?:' need one type, got number and string"],
    ['null branches', 'alarm ? null : null', '        ^', "both branches of '?:' are null"],
    ['null compared', 'device == null', '          ^', 'comparing with null is always false'],
    ['null in arithmetic', '1 + null', '    ^', "null can only be a branch of '?:' or an argument of coalesce()"],
    ['null alone', '  null', '  ^', "null can only be a branch of '?:'"],
    ['null argument', 'abs(null)', '    ^', "null can only be a branch of '?:'"],
    ['coalesce of nulls', 'coalesce(null, null)', '^', 'coalesce needs an argument that is not null'],
  ])('points at the offending token: %s', (_kind, source, caret, message) => {
    const error = errorOf(source, schema);
    expect(error.message).toContain(message);
    expect(error.column).toBe(caretColumn(caret));
    expect(error.message.startsWith(`column ${caretColumn(caret)}: `)).toBe(true);
  });

  it('returns errors as values, never throwing on user input', () => {
    for (const source of ['', ')', 'a b c', '((((', '"', 'f(', '1..2', '\u0000', 'x ? : y']) {
      expect(() => compileExpression(source, schema)).not.toThrow();
      expect(compileExpression(source, schema).ok).toBe(false);
    }
  });
});

describe('compileFilter', () => {
  it('accepts a boolean expression', () => {
    const result = compileFilter('temperature > 30', schema);
    expect(result.ok && result.expr.type).toBe('boolean');
  });

  it('refuses any other type, at the start of the expression', () => {
    expect(compileFilter('  temperature * 2', schema)).toEqual({
      ok: false,
      error: { column: 3, message: 'column 3: a filter needs a true/false condition, but this gives a number' },
    });
  });

  it('passes on the errors of the expression itself', () => {
    expect(compileFilter('temprature > 1', schema)).toMatchObject({ ok: false, error: { column: 1 } });
  });
});
