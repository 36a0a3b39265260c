/**
 * A topic: one sample stream's events kept as an append-only log split into
 * partitions by the hash of the stream's key field (`partitionOf`, so every
 * record of one device, user or card is in one partition, in order).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { partitionOf, type TopicInfo } from '../../src/model/logProtocol';
import { PartitionLog, type NewRecord, type Retention } from './partitionLog';
import { writeTopicMeta, type TopicMeta } from './topicMeta';

/** A record on its way in: the key that picks its partition, its event time and value text. */
export interface KeyedRecord extends NewRecord {
  readonly key: string;
}

export interface TopicOptions {
  readonly retention: Retention;
  readonly segmentRecords: number;
  readonly log?: ((line: string) => void) | undefined;
}

export class Topic {
  private readonly listeners = new Set<() => void>();

  private constructor(readonly dir: string, private metaValue: TopicMeta, readonly partitions: readonly PartitionLog[], readonly retention: Retention) {}

  /** Opens the topic in `dir` with `meta` (writing it when new), recovering each partition. */
  static open(dir: string, meta: TopicMeta, options: TopicOptions): Topic {
    mkdirSync(dir, { recursive: true });
    writeTopicMeta(dir, meta);
    const partitions = Array.from({ length: meta.partitions }, (_, p) =>
      PartitionLog.open(join(dir, `p${p}`), { retention: options.retention, segmentRecords: options.segmentRecords, log: options.log }));
    return new Topic(dir, meta, partitions, options.retention);
  }

  get name(): string {
    return this.metaValue.name;
  }

  get meta(): TopicMeta {
    return this.metaValue;
  }

  /** Changes and stores the description (completion, a producer's generation). */
  updateMeta(change: Partial<Pick<TopicMeta, 'complete' | 'generation'>>): void {
    this.metaValue = { ...this.metaValue, ...change };
    writeTopicMeta(this.dir, this.metaValue);
  }

  /** Appends records, each to its key's partition in the order given, and tells the consumers. */
  append(records: readonly KeyedRecord[]): void {
    const byPartition = this.partitions.map((): NewRecord[] => []);
    for (const record of records) byPartition[partitionOf(record.key, this.partitions.length)]!.push(record);
    byPartition.forEach((batch, p) => {
      if (batch.length > 0) this.partitions[p]!.append(batch);
    });
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each append; returns the unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The listing of /api/streams; `url` is the consumer address. */
  info(url: string): TopicInfo {
    return {
      name: this.name,
      partitions: this.partitions.map((log, partition) => ({ partition, earliest: log.earliest, next: log.next })),
      retention: { maxRecords: this.retention.maxRecords, maxAgeMs: this.retention.maxAgeMs },
      url,
    };
  }

  /** Records appended over the topic's life (the sum of every partition's next offset). */
  get appended(): number {
    return this.partitions.reduce((sum, log) => sum + log.next, 0);
  }

  /** The newest event time of any partition (-Infinity while empty). */
  get newestTs(): number {
    return Math.max(...this.partitions.map((log) => log.newestTs));
  }

  sync(): void {
    for (const log of this.partitions) log.sync();
  }

  enforceRetention(): void {
    for (const log of this.partitions) log.enforceRetention();
  }

  close(): void {
    this.listeners.clear();
    for (const log of this.partitions) log.close();
  }
}
