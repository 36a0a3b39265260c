/** Slices `items` into consecutive pieces of the sizes `cuts` (cycled; at least 1 each; none given: one piece), as tests cut streams into batches. */
export function sliceByCuts<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const pieces: T[][] = [];
  let i = 0;
  let c = 0;
  while (i < items.length) {
    const size = Math.max(1, cuts.length === 0 ? items.length : cuts[c++ % cuts.length]!);
    const slice = items.slice(i, i + size);
    i += slice.length;
    pieces.push(slice);
  }
  return pieces;
}
