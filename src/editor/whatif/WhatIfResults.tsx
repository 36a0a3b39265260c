import { useState } from 'react';
import type { Comparison, NodeComparison, WindowDiff } from '../../engine/compare/types';
import { WhatIfStrip } from './WhatIfStrip';
import { WhatIfTimelines } from './WhatIfTimelines';
import { cellText, diffKind, firstResultText, valuesText, windowText } from './whatIfText';

const KIND_LABEL: ReadonlyMap<ReturnType<typeof diffKind>, string> = new Map([
  ['onlyA', 'only in A'], ['onlyB', 'only in B'], ['changed', 'changed'], ['timing', 'first result moved'],
]);

/** Rows of the windows table shown at once; the rest behind "Show more". */
const PAGE = 50;

/** A window's two runs side by side: its values in A and B (changed ones marked) and when each first result came. */
function DiffRow({ d }: { readonly d: WindowDiff }) {
  const kind = diffKind(d);
  const changed = new Set(d.changedFields);
  const side = (o: WindowDiff['a']) => (o === null
    ? <span className="muted">no window</span>
    : <>{Object.entries(o.values).map(([k, v], i) => (
      <span key={k} className={changed.has(k) ? 'wp-whatif-changed' : undefined}>{i > 0 ? ', ' : ''}{k} {cellText(v)}</span>
    ))}{o.revisions > 0 && <span className="muted"> ({o.revisions} revision{o.revisions === 1 ? '' : 's'})</span>}</>);
  return (
    <tr className={`wp-whatif-row-${kind}`} data-kind={kind}>
      <td>{KIND_LABEL.get(kind)}</td>
      <td className="wp-whatif-window">{windowText(d)}</td>
      <td className="wp-whatif-key">{d.key.map((v) => cellText(v)).join(', ')}</td>
      <td title={valuesText(d.a)}>{side(d.a)}</td>
      <td title={valuesText(d.b)}>{side(d.b)}</td>
      <td>{firstResultText(d.a)}</td>
      <td>{firstResultText(d.b)}</td>
    </tr>
  );
}

function NodeResult({ node, before, after, param }: { readonly node: NodeComparison; readonly before: string; readonly after: string; readonly param: string }) {
  const [shown, setShown] = useState(PAGE);
  const [everyWindow, setEveryWindow] = useState(false);
  const rows = everyWindow ? (node.all ?? node.differences) : node.differences;
  const figures: readonly [string, number, number][] = [
    ['windows', node.windowsA, node.windowsB],
    ['late events (late port)', node.lateA, node.lateB],
    ['revisions', node.revisionsA, node.revisionsB],
  ];
  return (
    <section className="wp-whatif-node" aria-label={`Window node ${node.nodeId}`}>
      <h3>Window node <code>{node.nodeId}</code>{node.keyFields.length > 0 && <span className="muted"> per {node.keyFields.join(', ')}</span>}</h3>
      <table className="wp-whatif-figures" aria-label={`Figures of ${node.nodeId}`}>
        <thead><tr><th scope="col" /><th scope="col">A: {before}</th><th scope="col">B: {after}</th></tr></thead>
        <tbody>
          {figures.map(([name, a, b]) => (
            <tr key={name} data-figure={name} className={a === b ? undefined : 'wp-whatif-differs'}><th scope="row">{name}</th><td>{a.toLocaleString('en')}</td><td>{b.toLocaleString('en')}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="wp-whatif-counts" data-testid={`whatif-counts-${node.nodeId}`}>
        <strong>{node.changed}</strong> changed, <strong>{node.onlyA}</strong> only in A, <strong>{node.onlyB}</strong> only in B, {node.same} the same;
        {' '}{node.timingChanged} of the windows in both had their first result come at another point.
      </p>
      <WhatIfTimelines node={node} before={before} after={after} param={param} />
      <WhatIfStrip node={node} before={before} after={after} />
      <label className="wp-whatif-every">
        <input type="checkbox" checked={everyWindow} onChange={(e) => setEveryWindow(e.target.checked)} /> Every window, not only those that differ
      </label>
      {rows.length === 0
        ? <p className="muted">No window differs.</p>
        : (
          <div className="wp-whatif-table-wrap">
            <table className="wp-whatif-table" aria-label={`Windows of ${node.nodeId}`}>
              <thead>
                <tr><th scope="col">Difference</th><th scope="col">Window</th><th scope="col">{node.keyFields.length === 0 ? 'Key' : node.keyFields.join(', ')}</th><th scope="col">A</th><th scope="col">B</th><th scope="col">First result A</th><th scope="col">First result B</th></tr>
              </thead>
              <tbody>{rows.slice(0, shown).map((d) => <DiffRow key={`${d.start}|${d.end}|${JSON.stringify(d.key)}`} d={d} />)}</tbody>
            </table>
            {rows.length > shown && <button type="button" className="wp-docs-button" onClick={() => setShown((n) => n + PAGE * 4)}>Show more ({rows.length - shown} left)</button>}
          </div>
        )}
    </section>
  );
}

/** Both runs side by side, window node by window node. */
export function WhatIfResults({ comparison }: { readonly comparison: Comparison }) {
  const { change } = comparison;
  const before = comparison.before === null ? 'default' : String(comparison.before);
  const after = String(change.value);
  return (
    <div className="wp-whatif-results" role="region" aria-label="What-if results">
      <p className="wp-whatif-summary">
        A ran the pipeline as it is ({change.param} {before}), B with {change.param} {after}: {comparison.eventsA.toLocaleString('en')} events each
        {comparison.eventsA !== comparison.eventsB ? ` (B read ${comparison.eventsB.toLocaleString('en')})` : ''}.
        {' '}<span className="muted">First result: how far the window node&apos;s watermark had passed the window&apos;s last instant (end − 1 ms) when its first result came, and how many events had been read by then.</span>
      </p>
      {comparison.notes.map((n) => <p key={n} className="wp-whatif-note">Note: {n}.</p>)}
      {comparison.nodes.length === 0 && <p>The pipeline has no window node to compare.</p>}
      {comparison.nodes.map((node) => <NodeResult key={node.nodeId} node={node} before={before} after={after} param={change.param} />)}
    </div>
  );
}
