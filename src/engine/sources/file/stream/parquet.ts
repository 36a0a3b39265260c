/**
 * Parquet's layout from its footer.
 * PLACEHOLDER until the engine-source branch (h2-source) builds the Parquet reader.
 */
import type { SniffOptions } from './sniff';
import type { FileBytes, SniffResult } from './types';

export async function sniffParquet(bytes: FileBytes, options: SniffOptions): Promise<SniffResult> {
  void bytes;
  void options;
  return { ok: false, message: 'Parquet is not built yet' };
}
