import { useMemo } from 'react';
import { Dialog } from '../documents/Dialog';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { connectOptions, type ConnectOption, type NodePort } from './connectOptions';
import { kindTitle } from './kindInfo';

const docOf = (s: EditorState) => s.doc;
const nameOf = (n: { id: string; name?: string }): string => n.name ?? n.id;

function heading(side: 'output' | 'input', port: string): string {
  if (side === 'input') return 'Take its input from';
  return port === 'late' ? 'Send its late events to' : 'Send its output to';
}

/** Groups options under their headings, keeping the order they came in. */
function groupsOf(options: readonly ConnectOption[]): { key: string; title: string; options: ConnectOption[] }[] {
  const groups = new Map<string, { key: string; title: string; options: ConnectOption[] }>();
  for (const o of options) {
    const port = o.side === 'output' ? o.attempt.fromPort : 'in';
    const key = `${o.side}:${port}`;
    const group = groups.get(key) ?? { key, title: heading(o.side, port), options: [] };
    group.options.push(o);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * "Connect" without a mouse: lists the edges a node could get, from its
 * outputs and into its input (or only on `port`), and makes the one picked.
 * The edges the pipeline would refuse are listed apart, with the reason the
 * canvas shows when a drag is refused. Focus goes back to where it was.
 */
export function ConnectDialog({ nodeId, port, onClose, notify }: {
  readonly nodeId: string;
  readonly port: NodePort | undefined;
  readonly onClose: () => void;
  readonly notify: (message: string) => void;
}) {
  const store = useEditorStore();
  const doc = useEditor(docOf);
  const options = useMemo(() => connectOptions(doc, nodeId, port), [doc, nodeId, port]);
  const node = doc.nodes.find((n) => n.id === nodeId);
  const title = node === undefined ? nodeId : nameOf(node);
  const possible = groupsOf(options.filter((o) => o.reason === null));
  const refused = options.filter((o) => o.reason !== null);

  const pick = (o: ConnectOption): void => {
    const made = store.getState().connect(o.attempt);
    const from = doc.nodes.find((n) => n.id === o.attempt.from);
    const to = doc.nodes.find((n) => n.id === o.attempt.to);
    const late = o.attempt.fromPort === 'late' ? ' (late events)' : '';
    notify(made.ok ? `Connected ${from === undefined ? o.attempt.from : nameOf(from)}${late} to ${to === undefined ? o.attempt.to : nameOf(to)}` : `Not connected: ${made.reason}`);
    onClose();
  };

  return (
    <Dialog title={`Connect ${title}`} onClose={onClose} className="wp-connect-dialog" description="Pick the node to connect it to. Only the connections the pipeline can take are offered.">
      {possible.length === 0 && <p className="wp-connect-none">No connection is possible yet: add the node it should feed or be fed by from the palette.</p>}
      {possible.map((g) => (
        <section key={g.key} className="wp-connect-group" aria-labelledby={`wp-connect-${g.key}`}>
          <h3 id={`wp-connect-${g.key}`}>{g.title}</h3>
          <ul>
            {g.options.map((o) => (
              <li key={`${o.attempt.from}.${o.attempt.fromPort}->${o.attempt.to}`}>
                <button type="button" className="wp-connect-option" onClick={() => pick(o)}>
                  <span className="wp-connect-name">{nameOf(o.other)}</span>
                  <span className="wp-connect-kind">{kindTitle(o.other.kind)}{o.side === 'input' && o.attempt.fromPort === 'late' ? ', late events' : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {refused.length > 0 && (
        <details className="wp-connect-refused">
          <summary>{refused.length === 1 ? '1 connection is not possible' : `${refused.length} connections are not possible`}</summary>
          <ul>
            {refused.map((o) => (
              <li key={`${o.attempt.from}.${o.attempt.fromPort}->${o.attempt.to}`}>
                <strong>{o.side === 'output' ? `To ${nameOf(o.other)}` : `From ${nameOf(o.other)}`}{o.attempt.fromPort === 'late' ? ' (late events)' : ''}:</strong> {o.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
      </div>
    </Dialog>
  );
}
