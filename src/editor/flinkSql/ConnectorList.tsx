import { useId } from 'react';
import { kindTitle } from '../canvas/kindInfo';
import type { EditorDocument } from '../store/types';
import { connectorRows, type ConnectorChoices, type ConnectorRow } from './connectors';
import { chooseConnector } from './store';

const CONNECTOR_TEXT: ReadonlyMap<string, string> = new Map([
  ['kafka', 'Kafka'],
  ['filesystem', 'Filesystem'],
  ['datagen', 'Datagen'],
  ['print', 'Print'],
  ['blackhole', 'Blackhole'],
]);

const connectorText = (id: string): string => CONNECTOR_TEXT.get(id) ?? id;

function Row({ row, pipelineId }: { row: ConnectorRow; pipelineId: string }) {
  const id = useId();
  const name = row.node.name ?? row.node.id;
  const value = row.chosen ?? row.fallback;
  return (
    <li className="wp-flink-connector" data-node={row.node.id}>
      <label htmlFor={id}>
        <span className="wp-flink-connector-name">{name}</span>
        <span className="wp-flink-connector-kind">{row.role === 'source' ? 'source' : 'sink'} · {kindTitle(row.node.kind)}</span>
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => chooseConnector(pipelineId, row.role, row.node.id, event.target.value === row.fallback ? null : event.target.value)}
      >
        {row.options.map((c) => <option key={c} value={c}>{c === row.fallback ? `${connectorText(c)} (default)` : connectorText(c)}</option>)}
      </select>
    </li>
  );
}

/**
 * The connector of each source and sink table, defaults marked "(default)".
 * The choices belong to the editor, per pipeline; the document is not changed.
 */
export function ConnectorList({ doc, pipelineId, choices }: { doc: EditorDocument; pipelineId: string; choices: ConnectorChoices }) {
  const rows = connectorRows(doc, choices);
  if (rows.length === 0) return null;
  return (
    <details className="wp-flink-connectors" open>
      <summary>Connectors <span className="wp-flink-count">{rows.length}</span></summary>
      <ul>{rows.map((row) => <Row key={`${row.role}:${row.node.id}`} row={row} pipelineId={pipelineId} />)}</ul>
    </details>
  );
}
