import type { ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.nodeNode': '32',
  'elk.spacing.componentComponent': '64',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.semiInteractive': 'true',
};

/**
 * Positions for a left-to-right layered layout (elkjs), placed so the
 * layout's top-left corner is `origin`, snapped to `grid`. elkjs is loaded on first use: it is
 * large, and most sessions never ask for a layout.
 */
export async function layoutPositions(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  origin: { x: number; y: number } = { x: 0, y: 0 },
  grid = 1,
): Promise<Map<string, { x: number; y: number }>> {
  if (nodes.length === 0) return new Map();
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const laid = await new ELK().layout(graph);
  const children = laid.children ?? [];
  const left = Math.min(...children.map((c) => c.x ?? 0));
  const top = Math.min(...children.map((c) => c.y ?? 0));
  const snap = (v: number): number => Math.round(v / grid) * grid;
  return new Map(children.map((c) => [c.id, { x: snap(origin.x + (c.x ?? 0) - left), y: snap(origin.y + (c.y ?? 0) - top) }]));
}
