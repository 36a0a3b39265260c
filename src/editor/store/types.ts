/**
 * The document as the editor holds it: the pipeline format's shape, but with
 * params kept as the user typed them, so a half-finished edit ("5 minutes")
 * stays on screen with its error instead of being thrown away.
 */
export interface EditorNode {
  readonly id: string;
  readonly kind: string;
  readonly name?: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly params: Readonly<Record<string, unknown>>;
}

export interface EditorEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fromPort: 'out' | 'late';
  readonly toPort: 'in';
}

export interface EditorDocument {
  readonly name: string;
  readonly description?: string;
  readonly nodes: readonly EditorNode[];
  readonly edges: readonly EditorEdge[];
}

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** A proposed edge while the user drags a connection. */
export interface ConnectionAttempt {
  readonly from: string;
  readonly fromPort: string;
  readonly to: string;
}
