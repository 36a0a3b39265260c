import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KindIcon } from './canvas/KindIcon';
import { familyOfAny, kindTitle } from './canvas/kindInfo';
import { connectionOf, edgeRateOf, statsOf } from './canvas/runSelectors';
import { summarize } from './canvas/summary';
import { aggregateFnHelp, kindHelp, paramHelp } from './help/help';
import { EnumSelect } from './inspector/controls/ChoiceControls';
import { knownRowNoun, paramLabel, rowNoun } from './inspector/labels';
import { paramSpecs, type ParamSpec } from './inspector/paramSpecs';
import { revisionMarks } from './results/previewRevisions';
import { countedSinks, resultsOnce } from './results/resultCount';
import { nodeNameOf, nodeNamesOf } from './run/nodeNames';
import { eventsFrom } from './run/selectors';
import { initialRunState } from './run/reducer';
import type { RunState } from './run/types';
import type { EditorDocument } from './store/types';

/**
 * Every place the editor looks a user's string up in a table of its own
 * (kinds, functions, params, labels, icons, node ids in run figures), asked
 * for the names that a plain object answers from Object.prototype. Before the
 * lookups were own-property reads, "__proto__" returned Object.prototype and
 * React refused to render it (error #31), leaving the page blank.
 */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

function fnSpec(): ParamSpec {
  const list = paramSpecs('aggregate').find((s) => s.key === 'aggregations');
  if (list?.control !== 'list') throw new Error('the aggregate kind has no aggregations list');
  const fn = list.item.find((s) => s.key === 'fn');
  if (fn === undefined) throw new Error('an aggregation has no fn');
  return fn;
}

function runningWith(nodes: Record<string, unknown>): RunState {
  // JSON.parse makes "__proto__" an own key, as a structured clone from the worker does.
  const metrics = JSON.parse(JSON.stringify({ at: 0, nodes, edges: {}, connections: {} })) as RunState['metrics'];
  return { ...initialRunState, phase: 'running', metrics };
}

describe('lookups of user strings', () => {
  for (const name of HOSTILE) {
    describe(`with "${name}"`, () => {
      it('finds no help for it as a kind, a param or a function', () => {
        expect(kindHelp(name)).toBe('');
        expect(paramHelp(name, 'size')).toBe('');
        expect(paramHelp('window.tumbling', name)).toBe('');
        expect(aggregateFnHelp(name)).toBe('');
      });

      it('labels it as text', () => {
        expect(typeof paramLabel('aggregate', name)).toBe('string');
        expect(typeof paramLabel(name, name)).toBe('string');
        expect(rowNoun(name)).toBe('item');
        expect(knownRowNoun(name, name)).toBeNull();
        expect(knownRowNoun('aggregate', name)).toBeNull();
      });

      it('treats it as an unknown kind', () => {
        expect(kindTitle(name)).toBe(name);
        expect(familyOfAny(name)).toBe('transform');
        expect(paramSpecs(name)).toEqual([]);
        expect(summarize(name, {})).toBe('');
        expect(renderToStaticMarkup(createElement(KindIcon, { kind: name }))).toContain('M5 5h14v14H5z');
      });

      it('renders an aggregation whose function is it', () => {
        const props = {
          kind: 'aggregate', path: 'aggregate.aggregations.fn', id: 'fn', label: 'Function', labelSuffix: '',
          spec: fnSpec(), value: name, commit: () => {}, current: () => name, fields: null, problems: [],
        };
        const html = renderToStaticMarkup(createElement(EnumSelect, props));
        expect(html).toContain(`${name} (not an option)`);
      });

      it('finds no run figures for a node or edge of that id that has none', () => {
        const state = runningWith({ sensors: { rowsIn: 5, rowsOut: 5 } });
        expect(statsOf(name)(state)).toBeUndefined();
        expect(connectionOf(name)(state)).toBeUndefined();
        expect(edgeRateOf(name)(state)).toBeUndefined();
        expect(eventsFrom(state, [name])).toBe(0);
        expect(resultsOnce(state, [{ id: name, title: name, inputs: 'a:out' }])).toBe(0);
      });

      it('reads the run figures of a node of that id', () => {
        const state = runningWith({ [name]: { rowsIn: 7, rowsOut: 3 } });
        expect(statsOf(name)(state)?.rowsIn).toBe(7);
        expect(eventsFrom(state, [name])).toBe(3);
      });

      it('names a node of that id, and only that one', () => {
        const doc: EditorDocument = {
          name: 'p',
          nodes: [{ id: name, kind: 'sink.collect', name: 'Results', position: { x: 0, y: 0 }, params: {} }],
          edges: [{ id: 'e', from: 'x', to: name, fromPort: 'out', toPort: 'in' }],
        };
        const names = nodeNamesOf(doc);
        expect(nodeNameOf(names, name)).toBe('Results');
        expect(nodeNameOf(nodeNamesOf({ ...doc, nodes: [] }), name)).toBe(name);
        expect(countedSinks(doc)).toEqual([{ id: name, title: 'Results', inputs: 'x:out' }]);
      });

      it('keys preview rows by a field of that name', () => {
        const rows = JSON.parse(JSON.stringify([
          { [name]: 'a', window_start: 0, window_end: 1, revision: 0 },
          { [name]: 'b', window_start: 0, window_end: 1, revision: 1 },
        ])) as Record<string, unknown>[];
        // Different keys: the second is a revision of its own window, not of the first.
        expect(revisionMarks(rows as never, [name])).toEqual([null, 'revised']);
        const missing = [{ window_start: 0, window_end: 1, revision: 0 }, { window_start: 0, window_end: 1, revision: 1 }];
        expect(revisionMarks(missing as never, [name])).toEqual(['superseded', 'revised']);
      });
    });
  }
});
