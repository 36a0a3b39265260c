/** The bytes of `chunks` after the first `offset`: how a host that cannot seek starts a read in the middle. */
export async function* skipBytes(chunks: AsyncIterable<Uint8Array>, offset: number): AsyncGenerator<Uint8Array> {
  let skip = offset;
  for await (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    yield skip === 0 ? chunk : chunk.subarray(skip);
    skip = 0;
  }
}
