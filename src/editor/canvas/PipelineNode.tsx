import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useMemo, type KeyboardEvent } from 'react';
import { useRun } from '../run/RunProvider';
import type { RunState } from '../run/types';
import { isNodeKind, portsOf } from '../../model';
import { ChooseFile } from './ChooseFile';
import { FileProgress } from '../files/FileProgress';
import { ConnectCommand } from './connectCommand';
import type { NodePort } from './connectOptions';
import type { PipelineFlowNode } from './flowTypes';
import { KindIcon } from './KindIcon';
import { kindTitle } from './kindInfo';
import { NodeBadges } from './NodeBadges';
import { NodeBreakpointMarker } from '../breakpoints/BreakpointMarker';
import { NodeChartPreview } from './NodeChartPreview';
import { useFlinkLit } from '../flinkSql/store';

/** Whether the run failed at node `id` (a window fused with its aggregate fails as the window). */
const failedAt = (id: string) => (s: RunState): boolean => s.phase === 'failed' && s.failure?.nodeId === id;

function ports(kind: string): { inputs: readonly string[]; outputs: readonly string[] } {
  return isNodeKind(kind) ? portsOf(kind) : { inputs: ['in'], outputs: ['out'] };
}

/** Where each output handle sits down the node's right edge, in percent. */
function handleTop(index: number, count: number): string {
  return count === 1 ? '50%' : `${32 + (index * 40) / (count - 1)}%`;
}

/**
 * A node on the canvas: family colour and icon, name, kind, a one-line
 * summary of its settings and a badge listing its problems. Sources have no
 * input handle and sinks no output; windows show `out` and `late`. While a
 * run exists, live figures hang under it (they subscribe on their own, so
 * this component is not redrawn by metrics); a chart node draws its series.
 */
export const PipelineNode = memo(function PipelineNode({ id, type, data, selected }: NodeProps<PipelineFlowNode>) {
  const { inputs, outputs } = ports(data.kind);
  const labelled = outputs.length > 1;
  const problemCount = data.problems.length;
  const tipId = `wp-node-problems-${id}`;
  const chart = data.kind === 'sink.chart';
  const failed = useRun(useMemo(() => failedAt(id), [id]));
  // Lit while the Flink SQL panel's statement under the pointer or cursor comes from this node.
  const lit = useFlinkLit(id);
  const connect = useContext(ConnectCommand);
  // A handle is a button for the keyboard: it opens "Connect" on its port. Kept from the node, which would select itself.
  const onHandleKey = (port: NodePort) => (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.key !== 'Enter' && event.key !== ' ') || connect === null) return;
    event.preventDefault();
    event.stopPropagation();
    connect(id, port);
  };
  return (
    <div data-failed={failed ? 'true' : undefined} className={`wp-node wp-family-${type}${failed ? ' is-failed' : ''}${selected ? ' is-selected' : ''}${lit ? ' is-lit' : ''}${problemCount > 0 ? ' has-problems' : ''}${labelled ? ' has-ports' : ''}${chart ? ' has-chart' : ''}`}>
      {inputs.length > 0 && (
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          className="wp-handle wp-handle-in"
          role="button"
          tabIndex={0}
          aria-haspopup="dialog"
          aria-label={`Input of ${data.title}: connect it`}
          onKeyDown={onHandleKey('in')}
        />
      )}
      <div className="wp-node-icon" title={kindTitle(data.kind)}>
        <KindIcon kind={data.kind} size={17} />
      </div>
      <div className="wp-node-text">
        <div className="wp-node-title" title={data.title}>{data.title}</div>
        <span className="visually-hidden">{kindTitle(data.kind)}</span>
        <div className="wp-node-summary" title={data.summary}>{data.summary}</div>
        {data.kind === 'source.file' && <ChooseFile id={id} title={data.title} />}
        {data.kind === 'source.file' && <FileProgress id={id} title={data.title} />}
      </div>
      {chart && <NodeChartPreview id={id} />}
      <NodeBreakpointMarker nodeId={id} />
      <NodeBadges id={id} hasInput={inputs.length > 0} hasOutput={outputs.length > 0} />
      {problemCount > 0 && (
        <div className="wp-node-badge" tabIndex={-1} data-testid="node-problems" aria-describedby={tipId}>
          <span aria-hidden="true">{problemCount}</span>
          <span className="visually-hidden">{problemCount === 1 ? '1 problem' : `${problemCount} problems`}</span>
          <div className="wp-node-tip" role="tooltip" id={tipId}>
            <ul>{data.problems.map((p, i) => <li key={i}>{p.replace(/^node '[^']*': /, '')}</li>)}</ul>
          </div>
        </div>
      )}
      {outputs.map((port, i) => (
        <Handle
          key={port}
          type="source"
          position={Position.Right}
          id={port}
          className={`wp-handle wp-handle-${port}`}
          style={{ top: handleTop(i, outputs.length) }}
          role="button"
          tabIndex={0}
          aria-haspopup="dialog"
          aria-label={`${port === 'late' ? 'Late events output' : 'Output'} of ${data.title}: connect it`}
          onKeyDown={onHandleKey(port === 'late' ? 'late' : 'out')}
        >
          {labelled && <span className="wp-port-label">{port}</span>}
        </Handle>
      ))}
    </div>
  );
});
