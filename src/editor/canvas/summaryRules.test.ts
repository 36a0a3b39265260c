import { describe, expect, it } from 'vitest';
import { kindHelp, paramHelp } from '../help/help';
import { paramSpecs } from '../inspector/paramSpecs';
import { starterParams } from '../store/nodeDefaults';
import { summarize } from './summary';

const KINDS = ['detect.threshold', 'detect.changepoint'] as const;

/** As help.test.ts: a capital first, a full stop last, none between. */
const ONE_SENTENCE = /^[A-Z](?![^]*[.!?]\s)[^]*\.$/;

describe('the rule detectors in the editor', () => {
  it('summarize their bounds and method in one line', () => {
    expect(summarize('detect.threshold', { field: 'temp', min: 5, max: 80 })).toBe('temp outside [5, 80]');
    expect(summarize('detect.threshold', { field: 'temp', max: 80 })).toBe('temp above 80');
    expect(summarize('detect.threshold', { field: 'temp', min: 5 })).toBe('temp below 5');
    expect(summarize('detect.threshold', { field: 'temp' })).toBe('temp: set min or max');
    expect(summarize('detect.threshold', { field: 'ms', mode: 'quantile', window: 20000, lower: 0.05, upper: 0.95 })).toBe('ms outside q0.05–q0.95 of last 20k');
    expect(summarize('detect.changepoint', { field: 'cpu', method: 'pageHinkley', threshold: 8 })).toBe('Page-Hinkley on cpu · threshold 8σ');
    expect(summarize('detect.changepoint', {})).toBe('CUSUM on ? · threshold 5σ');
  });

  it('have a summary from their starter params, one sentence of help per kind and param, and a field picker', () => {
    for (const kind of KINDS) {
      expect(summarize(kind, starterParams(kind))).not.toBe('');
      expect(kindHelp(kind)).toMatch(ONE_SENTENCE);
      for (const spec of paramSpecs(kind)) expect(paramHelp(kind, spec.key), `${kind}.${spec.key}`).toMatch(ONE_SENTENCE);
      expect(paramSpecs(kind).find((s) => s.key === 'field')?.control).toBe('field');
    }
  });
});
