import { Fragment, useCallback } from 'react';
import { familyOf, isNodeKind, type Problem } from '../../model';
import { analyseDocument, inputSchemaOf } from '../analysis/analyse';
import { kindHelp } from '../help/help';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { EditorNode } from '../store/types';
import { StreamPicker } from '../sampleServer/StreamPicker';
import { ParamControl } from './controls/ParamControl';
import { paramLabel } from './labels';
import { paramSpecs } from './paramSpecs';
import { nodeLevelProblems, paramPath, problemsUnder, problemText, sentence } from './problemPaths';
import { useDraft } from './useDraft';
import { isWhatIfParam } from '../../engine/compare/whatIfParams';
import { ReplayFromButton } from '../logReplay/ReplayFromButton';
import { CompareButton } from '../whatif/CompareButton';
import { withInlineText } from '../files/replaceParams';
import { storedFileView } from './controls/StoredFileControl';

/** Params the inspector shows inside another control: a file source's reference and its fields belong to its data. */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['source.file.stored', 'source.file.fields']);

const documentOf = (s: EditorState) => s.doc;

/** Params with `key` set to `value`, or without it when `value` is undefined; key order kept. */
export function withParam(params: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...params };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The DOM id of a param's input, so a problem can focus it. */
function inputId(nodeId: string, key: string): string {
  return `wp-param-${nodeId}-${key}`;
}

/** Everything about one node: its name, kind and help, its problems, and a form for its params. */
export function NodeInspector({ nodeId }: { readonly nodeId: string }) {
  const store = useEditorStore();
  const doc = useEditor(documentOf);
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  const node = doc.nodes[index];
  const freshParams = useCallback(() => store.getState().doc.nodes.find((n) => n.id === nodeId)?.params, [store, nodeId]);
  const setParam = useCallback((key: string, value: unknown) => {
    const params = freshParams();
    if (params === undefined || Object.is(params[key], value)) return;
    store.getState().setParams(nodeId, withParam(params, key, value));
  }, [store, nodeId, freshParams]);
  const loadFile = useCallback((text: string, fileName: string) => {
    const params = freshParams();
    // Text replaces a stored file's reference: a source given both is not valid.
    if (params !== undefined) store.getState().setParams(nodeId, withInlineText(params, text, fileName));
  }, [store, nodeId, freshParams]);
  const applyParams = useCallback((params: Record<string, unknown>) => store.getState().setParams(nodeId, params), [store, nodeId]);
  if (node === undefined) return null;

  const analysis = analyseDocument(doc);
  const problems = analysis.problemsByNode.get(nodeId) ?? [];
  const input = inputSchemaOf(doc, nodeId);
  const specs = paramSpecs(node.kind).filter((s) => !SHOWN_ELSEWHERE.has(`${node.kind}.${s.key}`));
  const storedView = node.kind === 'source.file' ? storedFileView(node.params) : null;
  const storedFile = storedView === null ? undefined : { view: storedView, edits: { params: freshParams, apply: applyParams } };
  const general = nodeLevelProblems(problems, index, specs.map((s) => s.key));
  const family = isNodeKind(node.kind) ? familyOf(node.kind) : null;

  return (
    <div className="wp-node-inspector">
      <header className="wp-inspector-header">
        <div className="wp-inspector-kind">
          <span className={`kind-chip${family === null ? '' : ` kind-${family}`}`}>{node.kind}</span>
          {family !== null && family !== node.kind && <span className="wp-inspector-family">{family}</span>}
        </div>
        <NodeName node={node} />
        <p className="wp-inspector-help">{kindHelp(node.kind)}</p>
      </header>
      <ProblemSummary kind={node.kind} nodeId={nodeId} problems={problems} general={general} index={index} />
      <InputSummary hasInput={doc.edges.some((e) => e.to === nodeId)} isSource={node.kind.startsWith('source.')} fields={input?.fields ?? null} keys={input?.keys?.map((k) => k.name) ?? []} />
      {node.kind === 'source.websocket' && <StreamPicker params={node.params} apply={(params) => store.getState().setParams(nodeId, params)} />}
      {node.kind === 'source.websocket' && node.params['log'] !== undefined && <ReplayFromButton nodeId={nodeId} />}
      <form className="wp-params" aria-label="Parameters" onSubmit={(e) => e.preventDefault()}>
        {specs.length === 0 && <p className="muted wp-no-params">This node has no settings.</p>}
        {specs.map((spec) => {
          const jsonPath = paramPath(index, spec.key);
          const below = problemsUnder(problems, jsonPath);
          return (
            <Fragment key={spec.key}>
            <ParamControl
              kind={node.kind} path={`${node.kind}.${spec.key}`} id={inputId(nodeId, spec.key)}
              label={paramLabel(node.kind, spec.key)} labelSuffix="" spec={spec} value={node.params[spec.key]}
              commit={(v) => setParam(spec.key, v)} current={() => freshParams()?.[spec.key]}
              fields={input?.fields ?? null}
              problems={spec.control === 'list' || spec.control === 'group' ? [] : below.map((p) => problemText(node.kind, p.message))}
              context={{ keyNames: input?.keys?.map((k) => k.name) ?? [], groupNames: input?.groupFields?.map((f) => f.name) ?? [], problemsBelow: below, jsonPath, loadFile, storedFile }}
            />
            {isWhatIfParam(node.kind, spec.key) && <CompareButton nodeId={nodeId} param={spec.key} label={paramLabel(node.kind, spec.key)} />}
            </Fragment>
          );
        })}
      </form>
    </div>
  );
}

/** The node's name, committed on blur, Enter or a pause; empty falls back to the id. */
function NodeName({ node }: { readonly node: EditorNode }) {
  const store = useEditorStore();
  const { draft, change, flush } = useDraft(node.name ?? '', (name) => store.getState().renameNode(node.id, name));
  return (
    <div className="wp-node-name">
      <label className="visually-hidden" htmlFor={`wp-node-name-${node.id}`}>Node name</label>
      <input
        id={`wp-node-name-${node.id}`} className="wp-node-name-input" type="text" value={draft} placeholder={node.id}
        autoComplete="off" spellCheck={false}
        onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={(e) => { if (e.key === 'Enter') flush(); }}
      />
      <code className="wp-node-id" title="The node's id, which edges refer to">{node.id}</code>
    </div>
  );
}

/** The node's problems, at the top: clicking one moves focus to the param it is about. */
function ProblemSummary({ kind, nodeId, problems, general, index }: {
  readonly kind: string; readonly nodeId: string; readonly problems: readonly Problem[]; readonly general: readonly Problem[]; readonly index: number;
}) {
  if (problems.length === 0) return <p className="wp-node-status is-ok" role="status"><span aria-hidden="true">✓</span> No problems with this node.</p>;
  const focus = (p: Problem) => {
    const key = /^nodes\[\d+\]\.params\.([A-Za-z0-9_]+)/.exec(p.path)?.[1];
    if (key === undefined) return;
    const root = document.getElementById(inputId(nodeId, key));
    const target = root instanceof HTMLInputElement || root instanceof HTMLTextAreaElement || root instanceof HTMLSelectElement ? root : root?.querySelector('input, select, textarea');
    if (target instanceof HTMLElement) target.focus();
  };
  return (
    // A group, not a region: the page has one region called Problems, the panel.
    <div className="wp-node-status is-bad" role="group" aria-label="Problems with this node">
      <h3>{problems.length} problem{problems.length === 1 ? '' : 's'}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            {general.includes(p) || !p.path.startsWith(`nodes[${index}].params.`)
              ? sentence(problemText(kind, p.message))
              : <button type="button" className="wp-link-button" onClick={() => focus(p)}>{sentence(problemText(kind, p.message))}</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The fields reaching the node, or why there are none. */
function InputSummary({ hasInput, isSource, fields, keys }: {
  readonly hasInput: boolean; readonly isSource: boolean; readonly fields: readonly { name: string; type: string }[] | null; readonly keys: readonly string[];
}) {
  if (isSource) return null;
  if (!hasInput) return <p className="wp-input-fields is-empty">Connect an input to this node to pick from its fields.</p>;
  if (fields === null) return <p className="wp-input-fields is-empty">The fields reaching this node are not known until the nodes before it are fixed.</p>;
  return (
    <details className="wp-input-fields">
      <summary>{fields.length} input field{fields.length === 1 ? '' : 's'}{keys.length > 0 ? `, keyed by ${keys.join(', ')}` : ''}</summary>
      <ul>
        {fields.map((f) => <li key={f.name}><code>{f.name}</code> <span className="wp-field-type">{f.type}{keys.includes(f.name) ? ', key' : ''}</span></li>)}
      </ul>
    </details>
  );
}
