import { familyOf, isNodeKind } from '../../model';
import { analyseDocument } from '../analysis/analyse';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { groupProblems, type ProblemGroup } from './groupProblems';
import { useRunProblems } from './useRunProblems';
import './problems.css';

const documentOf = (s: EditorState) => s.doc;
const selectionOf = (s: EditorState) => s.selection;

/**
 * Every problem of the pipeline (the format's checks, then the compiler's:
 * fields, types, expressions), grouped by node in document order, and why
 * the last Run could not start when the document's checks do not say it (a
 * file source without its data). Clicking a problem selects its node, so the
 * canvas and the inspector show it.
 */
export function ProblemsPanel() {
  const doc = useEditor(documentOf);
  const selection = useEditor(selectionOf);
  const store = useEditorStore();
  const run = useRunProblems();
  const { problems: listed } = analyseDocument(doc);
  const problems = run.length === 0 ? listed : [...run, ...listed];
  const groups = groupProblems(doc, problems);
  const choose = (group: ProblemGroup) => {
    if (group.nodeId !== undefined) store.getState().select({ nodes: [group.nodeId], edges: [] });
    else if (group.edgeId !== undefined) store.getState().select({ nodes: [], edges: [group.edgeId] });
  };
  const isSelected = (group: ProblemGroup) =>
    (group.nodeId !== undefined && selection.nodes.includes(group.nodeId)) || (group.edgeId !== undefined && selection.edges.includes(group.edgeId));
  return (
    <section className="wp-problems" aria-label="Problems">
      <header className="wp-problems-header">
        <h2>
          Problems
          <span className={`wp-problems-count${problems.length === 0 ? ' is-ok' : ''}`}>{problems.length}</span>
        </h2>
      </header>
      {problems.length === 0 ? (
        <p className="wp-problems-clear" role="status">
          <span className="wp-problems-check" aria-hidden="true">✓</span>
          {doc.nodes.length === 0 ? 'Nothing to check yet: the pipeline is empty.' : 'No problems: every node is valid and every field it reads reaches it.'}
        </p>
      ) : (
        <ul className="wp-problem-groups">
          {groups.map((group) => {
            const family = group.kind !== undefined && isNodeKind(group.kind) ? familyOf(group.kind) : null;
            const clickable = group.nodeId !== undefined || group.edgeId !== undefined;
            return (
              <li key={group.key} className={`wp-problem-group${isSelected(group) ? ' is-selected' : ''}`}>
                <p className="wp-problem-owner">
                  <span className="wp-problem-owner-name">{group.title}</span>
                  {group.kind !== undefined && <span className={`kind-chip${family === null ? '' : ` kind-${family}`}`}>{group.kind}</span>}
                </p>
                <ul className="wp-problem-items">
                  {group.items.map((item, i) => (
                    <li key={`${item.path}-${i}`}>
                      {clickable ? (
                        <button type="button" className="wp-problem" onClick={() => choose(group)} title={item.path === '' ? undefined : item.path}>
                          <span className="wp-problem-icon" aria-hidden="true" />
                          <span className="wp-problem-text">{item.text}</span>
                        </button>
                      ) : (
                        <p className="wp-problem">
                          <span className="wp-problem-icon" aria-hidden="true" />
                          <span className="wp-problem-text">{item.text}</span>
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
