/**
 * Every topic of a data directory (`DIR/topics/NAME/`): opened and recovered
 * at start, created on request, fsynced and trimmed by retention once a
 * second, closed cleanly. Live topics get a producer each; a finite topic
 * that a crash cut short is filled again from its start (it is deterministic).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleStreamName } from '../../src/engine/sources/sample';
import type { Retention } from './partitionLog';
import { fillTopic, startLiveProducer } from './producer';
import { Topic } from './topic';
import { readTopicMeta, TOPIC_NAME, type TopicMeta } from './topicMeta';

/** A topic to create: its stream and the generator's params (the defaults are /streams/NAME's). */
export interface TopicSpec {
  readonly name: string;
  readonly stream: SampleStreamName;
  /** Records to append at once; null: a live topic, appended at `rate` per second while the server runs. */
  readonly limit: number | null;
  readonly partitions?: number | undefined;
  readonly seed?: number | undefined;
  readonly keys?: number | undefined;
  readonly rate?: number | undefined;
  readonly maxOutOfOrdernessMs?: number | undefined;
  readonly lateFraction?: number | undefined;
  readonly startTime?: number | undefined;
}

export interface TopicStoreOptions {
  readonly dataDir: string;
  /** Partitions of a new topic (default 4). */
  readonly partitions?: number | undefined;
  readonly retention?: Retention | undefined;
  /** Records per segment file (default 10,000). */
  readonly segmentRecords?: number | undefined;
  /** fsync and retention period in ms (default 1000). */
  readonly syncEveryMs?: number | undefined;
  /** Topics to have; those that exist already are left as they are. */
  readonly topics?: readonly TopicSpec[] | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** Run the producers of live topics (default true); false keeps them as they are, readable. */
  readonly produce?: boolean | undefined;
  /** The wall clock for live producers (tests). */
  readonly now?: (() => number) | undefined;
}

export const DEFAULT_PARTITIONS = 4;
export const DEFAULT_RETENTION: Retention = { maxRecords: 100_000, maxAgeMs: null };
export const DEFAULT_SEGMENT_RECORDS = 10_000;

export class TopicStore {
  private readonly topics = new Map<string, Topic>();
  private readonly stops = new Map<string, () => void>();
  private readonly filling = new Map<string, Promise<boolean>>();
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly options: TopicStoreOptions) {
    this.timer = setInterval(() => this.tick(), options.syncEveryMs ?? 1000);
  }

  /** Opens the data directory, recovers its topics and creates the missing ones of `options.topics`. */
  static open(options: TopicStoreOptions): TopicStore {
    const store = new TopicStore(options);
    const root = join(options.dataDir, 'topics');
    mkdirSync(root, { recursive: true });
    for (const name of readdirSync(root)) {
      if (!TOPIC_NAME.test(name)) continue;
      const meta = readTopicMeta(join(root, name));
      if ('error' in meta) {
        options.log?.(`topic ${name} skipped: ${meta.error}`);
        continue;
      }
      if (meta.source.limit !== null && !meta.complete) {
        // Cut short while it was being filled: refill from scratch (the same records, by seed).
        options.log?.(`topic ${name} was not complete; filling it again`);
        rmSync(join(root, name), { recursive: true, force: true });
        store.start(meta);
        continue;
      }
      store.topics.set(name, Topic.open(join(root, name), meta, store.topicOptions()));
      if (meta.source.limit === null && options.produce !== false) store.stops.set(name, startLiveProducer(store.topics.get(name)!, options.now));
    }
    for (const spec of options.topics ?? []) if (!store.topics.has(spec.name)) store.create(spec);
    return store;
  }

  private topicOptions(): { retention: Retention; segmentRecords: number; log: ((line: string) => void) | undefined } {
    return { retention: this.options.retention ?? DEFAULT_RETENTION, segmentRecords: this.options.segmentRecords ?? DEFAULT_SEGMENT_RECORDS, log: this.options.log };
  }

  /** Creates a topic (a name in use is an error); a finite one fills in the background (see `ready`). */
  create(spec: TopicSpec): Topic {
    if (!TOPIC_NAME.test(spec.name)) throw new Error(`topic name '${spec.name.slice(0, 40)}': use 1 to 64 letters, digits, - or _`);
    if (this.topics.has(spec.name) || existsSync(join(this.options.dataDir, 'topics', spec.name))) throw new Error(`topic '${spec.name}' exists`);
    const now = (this.options.now ?? Date.now)();
    return this.start({
      version: 1,
      name: spec.name,
      stream: spec.stream,
      partitions: spec.partitions ?? this.options.partitions ?? DEFAULT_PARTITIONS,
      source: {
        seed: spec.seed ?? 1,
        keys: spec.keys ?? 10,
        rate: spec.rate ?? 1000,
        maxOutOfOrdernessMs: spec.maxOutOfOrdernessMs ?? 0,
        lateFraction: spec.lateFraction ?? 0,
        // A finite topic has the streams' fixed start (repeatable); a live one starts now.
        startTime: spec.startTime ?? (spec.limit === null ? Math.floor(now / 1000) * 1000 : 1_700_000_000_000),
        limit: spec.limit,
      },
      complete: spec.limit === null,
      generation: 0,
    });
  }

  private start(meta: TopicMeta): Topic {
    const topic = Topic.open(join(this.options.dataDir, 'topics', meta.name), meta, this.topicOptions());
    this.topics.set(meta.name, topic);
    if (meta.source.limit === null) {
      if (this.options.produce !== false) this.stops.set(meta.name, startLiveProducer(topic, this.options.now));
    } else {
      const filled = fillTopic(topic, () => this.closed).then((done) => {
        topic.enforceRetention();
        return done;
      }, (error: unknown) => {
        // A disk that fails under a fill must not end the process; the topic stays incomplete and is refilled next start.
        this.options.log?.(`topic ${meta.name}: filling failed: ${String(error)}`);
        return false;
      });
      this.filling.set(meta.name, filled);
    }
    return topic;
  }

  /** Resolves once every finite topic being filled is complete. */
  async ready(): Promise<void> {
    await Promise.all(this.filling.values());
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  list(): Topic[] {
    return [...this.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** fsync what was appended and apply retention (the store does it every second by itself). */
  tick(): void {
    for (const topic of this.topics.values()) {
      topic.sync();
      topic.enforceRetention();
    }
  }

  /** Stops the producers, waits for fills to stop, fsyncs and closes every file. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const stop of this.stops.values()) stop();
    await Promise.all(this.filling.values());
    for (const topic of this.topics.values()) topic.close();
    this.topics.clear();
  }
}
