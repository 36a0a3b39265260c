/** Parquet files read a row group at a time (see ./parquet.ts). */
import type { EventTimeRange } from '../../../../model';
import type { OpenFeed } from './feed';
import type { FileBytes, FileLayout } from './types';

export function parquetFeed(bytes: FileBytes, layout: FileLayout, timeRange: EventTimeRange): OpenFeed {
  void layout;
  void timeRange;
  return () => {
    throw new Error(`file '${bytes.name}': Parquet is not read yet`);
  };
}
