import { describe, expect, it } from 'vitest';
import type { Schema } from '../batch';
import { compileExpression } from './expression';
import { parseExpression } from './parser';
import { compiled, errorOf, evaluate, makeBlock } from './testing';

const OBJECT_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const schema: Schema = [{ name: 'a', type: 'number' }];

describe('what an expression can reach', () => {
  it.each(OBJECT_NAMES)('treats %s as an unknown field unless the schema has it', (name) => {
    expect(errorOf(name, schema).message).toMatch(new RegExp(`^column 1: unknown field '${name}'`));
    expect(errorOf(`a + ${name}`, schema).column).toBe(5);
  });

  it.each(OBJECT_NAMES)('reads %s like any other field when the schema really has it', (name) => {
    const own: Schema = [{ name, type: 'number' }];
    expect(evaluate(`${name} * 2`, own, { [name]: [1, null] })).toEqual([2, null]);
    // A block without the column reads as missing, not as Object.prototype's member.
    const column = compiled(name, own).evaluate(makeBlock(schema, { a: [1] }));
    expect(column.type === 'number' && Number.isNaN(column.values[0])).toBe(true);
  });

  it.each(OBJECT_NAMES)('treats %s(...) as an unknown function', (name) => {
    expect(errorOf(`${name}(1)`, schema).message).toMatch(new RegExp(`^column 1: unknown function '${name}'`));
  });

  it.each([
    ['a.constructor', "unknown field 'a.constructor'"],
    ['a.__proto__', "unknown field 'a.__proto__'"],
    ['a.constructor.prototype', "unknown field 'a.constructor.prototype'"],
    ['__proto__.polluted', "unknown field '__proto__.polluted'"],
    ['constructor.constructor("return 1")()', 'only functions can be called'],
    ['a.constructor("return process")', "unknown function 'a.constructor'"],
    ['a["constructor"]', 'brackets are not supported'],
    ['(1).constructor', "'.' can only join"],
    ['"".constructor.constructor("return 1")()', "'.' can only join"],
    ['this.constructor', "'this' is not supported"],
    ['new Function("return 1")', "'new' is not supported"],
    ['toString.call(a)', "unknown function 'toString.call'"],
    ['a = 1', "unexpected '='"],
    ['[].constructor', 'lists'],
  ])('refuses %s', (source, message) => {
    const result = compileExpression(source, schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('leaves Object.prototype alone, whatever it is given', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const source of ['__proto__.x', 'constructor.prototype.x', 'a.__proto__.polluted']) {
      parseExpression(source);
      compileExpression(source, [{ name: source, type: 'number' }]);
    }
    const own: Schema = [{ name: '__proto__', type: 'number' }];
    evaluate('__proto__ + 1', own, { ['__proto__']: [1] });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
