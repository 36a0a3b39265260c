/**
 * The Flink SQL panel's state outside the pipeline document: whether it is
 * open, the connector choices of each pipeline (by the pipeline's id, so
 * switching pipelines keeps each one's), and the nodes the statement under
 * the pointer or the cursor comes from, which the canvas lights up.
 * Kept out of the panel's own chunk: the canvas and the documents bar read it
 * before the panel's code is loaded.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { NO_CHOICES, withChoice, type ConnectorChoices } from './connectors';

export interface FlinkSqlState {
  readonly open: boolean;
  /** Bumped by Export > Flink SQL: the panel takes the focus, open or not. */
  readonly focusRequest: number;
  /** By pipeline id. */
  readonly choices: ReadonlyMap<string, ConnectorChoices>;
  /** The nodes of the statement under the pointer (or the cursor), lit on the canvas. */
  readonly lit: ReadonlySet<string>;
}

const NOTHING_LIT: ReadonlySet<string> = new Set();

export const flinkSqlStore = createStore<FlinkSqlState>()(() => ({ open: false, focusRequest: 0, choices: new Map(), lit: NOTHING_LIT }));

/** The id of Export > Flink SQL, where the focus goes back when the panel closes. */
export const FLINK_SQL_BUTTON_ID = 'wp-flink-sql-open';

/** Export > Flink SQL: opens the panel and moves the focus to it. */
export const showFlinkSql = (): void => flinkSqlStore.setState((s) => ({ open: true, focusRequest: s.focusRequest + 1 }));
/** Closes the panel; the focus goes back to Export > Flink SQL rather than to the page's body. */
export const closeFlinkSql = (): void => {
  flinkSqlStore.setState({ open: false, lit: NOTHING_LIT });
  document.getElementById(FLINK_SQL_BUTTON_ID)?.focus();
};

export function choicesOf(state: FlinkSqlState, pipelineId: string): ConnectorChoices {
  return state.choices.get(pipelineId) ?? NO_CHOICES;
}

export function chooseConnector(pipelineId: string, role: 'source' | 'sink', nodeId: string, connector: string | null): void {
  flinkSqlStore.setState((s) => {
    const choices = new Map(s.choices);
    choices.set(pipelineId, withChoice(choicesOf(s, pipelineId), role, nodeId, connector));
    return { choices };
  });
}

/** Lights `nodeIds` on the canvas (none: nothing lit); the same set twice changes nothing, so nodes are not redrawn. */
export function lightNodes(nodeIds: readonly string[]): void {
  const now = flinkSqlStore.getState().lit;
  if (now.size === nodeIds.length && nodeIds.every((id) => now.has(id))) return;
  flinkSqlStore.setState({ lit: nodeIds.length === 0 ? NOTHING_LIT : new Set(nodeIds) });
}

export function useFlinkSql<T>(selector: (state: FlinkSqlState) => T): T {
  return useStore(flinkSqlStore, selector);
}

/** Whether node `id` is lit by the statement the user points at in the Flink SQL panel. */
export function useFlinkLit(id: string): boolean {
  return useStore(flinkSqlStore, (s) => s.lit.has(id));
}
