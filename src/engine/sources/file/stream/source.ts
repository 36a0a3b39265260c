/**
 * The runtime of a streamed file source (see ./types.ts).
 * PLACEHOLDER of the contract commit: the engine-source branch builds it.
 */
import type { FileSourceData } from '../../../plan/types';
import type { StreamedFileSource } from './types';

/** Creates the source of a file read as the run goes; `boundMs` is the watermark bound. */
export function createStreamedFileSource(nodeId: string, data: Extract<FileSourceData, { kind: 'stream' }>, boundMs: number): StreamedFileSource {
  void data;
  void boundMs;
  throw new Error(`file source '${nodeId}': streamed files are not built yet`);
}
