import { describe, expect, it } from 'vitest';
import type { Field } from '../../engine/batch';
import { caretLine, checkExpression } from './expressionCheck';

const sensors: Field[] = [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }];

describe('checkExpression', () => {
  it('points at the column of an unknown field, with a suggestion', () => {
    expect(checkExpression('temprature > 1', sensors, true)).toEqual({
      text: "unknown field 'temprature' (did you mean 'temperature'?)", column: 1,
    });
    expect(checkExpression('temperature > 1 && temprature > 2', sensors, true)?.column).toBe(20);
  });

  it('refuses a filter that is not true/false, but not a computed field', () => {
    expect(checkExpression('temperature * 2', sensors, true)?.text).toMatch(/true\/false condition/);
    expect(checkExpression('temperature * 2', sensors, false)).toBeNull();
  });

  it('checks only the syntax when the fields are not known', () => {
    expect(checkExpression('anything > 1', null, true)).toBeNull();
    expect(checkExpression('anything >', null, true)?.column).toBe(11);
  });

  it('asks for an expression when there is none', () => {
    expect(checkExpression('  ', sensors, false)).toEqual({ text: 'write an expression', column: 1 });
  });
});

describe('caretLine', () => {
  it('finds the line of the column and the offset on it', () => {
    expect(caretLine('a > 1', 3)).toEqual({ line: 'a > 1', offset: 2 });
    expect(caretLine('a > 1 &&\nb <', 13)).toEqual({ line: 'b <', offset: 3 });
    expect(caretLine('a +', 4)).toEqual({ line: 'a +', offset: 3 });
  });
});
