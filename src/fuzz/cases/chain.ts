/**
 * A long chain of filters from the source `src` to a collect sink, added to
 * a document inside the case: a 10,000-node document stays a one-line
 * recipe (`chain: 10000`) in its input and in the corpus.
 */
export function addChain(document: unknown, length: number): void {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return;
  const nodes = (document as Record<string, unknown>)['nodes'];
  const edges = (document as Record<string, unknown>)['edges'];
  if (!Array.isArray(nodes) || !Array.isArray(edges) || length < 1) return;
  const n = Math.min(Math.floor(length), 1_000_000);
  for (let i = 0; i < n; i++) nodes.push({ id: `c${i}`, kind: 'transform.filter', params: { expr: 'true' } });
  edges.push({ id: 'chain-in', from: 'src', to: 'c0' });
  for (let i = 1; i < n; i++) edges.push({ id: `chain${i}`, from: `c${i - 1}`, to: `c${i}` });
  nodes.push({ id: 'chainOut', kind: 'sink.collect', params: {} });
  edges.push({ id: 'chain-out', from: `c${n - 1}`, to: 'chainOut' });
}
