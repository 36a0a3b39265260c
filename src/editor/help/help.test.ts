import { describe, expect, it } from 'vitest';
import { AGGREGATE_FNS, NODE_KINDS } from '../../model';
import { paramSpecs, type ParamSpec } from '../inspector/paramSpecs';
import { aggregateFnHelp, kindHelp, paramHelp } from './help';

/** Every param and list item key of a kind, as paramHelp names them. */
function paramNames(kind: string): string[] {
  const names = (specs: readonly ParamSpec[], prefix: string): string[] =>
    specs.flatMap((s) => [`${prefix}${s.key}`, ...(s.control === 'list' ? names(s.item, `${prefix}${s.key}.`) : [])]);
  return names(paramSpecs(kind), '');
}

/** One sentence: a capital letter first, a full stop last, and no full stop between. */
function isOneSentence(text: string): boolean {
  return /^[A-Z]/.test(text) && text.endsWith('.') && !/[.!?]\s/.test(text.slice(0, -1));
}

describe('help texts', () => {
  it('explain every node kind in one sentence', () => {
    for (const kind of NODE_KINDS) expect(isOneSentence(kindHelp(kind)), `${kind}: ${kindHelp(kind)}`).toBe(true);
  });

  it('explain every param of every kind, list items included, in one sentence', () => {
    for (const kind of NODE_KINDS) {
      for (const param of paramNames(kind)) {
        const text = paramHelp(kind, param);
        expect(isOneSentence(text), `${kind}.${param}: '${text}'`).toBe(true);
      }
    }
  });

  it('explain every aggregate function', () => {
    for (const fn of AGGREGATE_FNS) expect(aggregateFnHelp(fn), fn).toMatch(/^[A-Z].*\.$/);
  });

  it('answer with an empty string for what they do not know', () => {
    expect(kindHelp('window.sliding')).toBe('');
    expect(paramHelp('window.tumbling', 'sizee')).toBe('');
  });

  it('keep the sentence the issue asks for about allowed lateness', () => {
    expect(paramHelp('window.tumbling', 'allowedLateness')).toMatch(/after the watermark passes the window end a late event still updates the result/);
  });
});
