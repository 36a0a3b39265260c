import type { DragEvent, MouseEvent } from 'react';
import { KindIcon } from '../canvas/KindIcon';
import { KIND_MIME, PARAMS_MIME } from '../canvas/flowTypes';
import { topicRecords, topicSourceParams, type ServerTopic } from './streamCatalog';

const KIND = 'source.websocket';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** The palette's short text for a topic's size: partitions and retained records ("4p · 130K"). */
export function topicSummary(topic: ServerTopic): string {
  return `${topic.partitions.length}p · ${compact.format(topicRecords(topic))}`;
}

/** One line per partition: its retained offsets. */
function partitionLines(topic: ServerTopic): string {
  return topic.partitions.map((p) => (p.next === p.earliest
    ? `partition ${p.partition}: empty, next offset ${p.next.toLocaleString('en')}`
    : `partition ${p.partition}: offsets ${p.earliest.toLocaleString('en')} to ${(p.next - 1).toLocaleString('en')}`)).join('\n');
}

/**
 * The sample server's topics as palette entries: each adds a WebSocket source
 * in log mode on ws://.../topics/NAME from the earliest offset, fields declared.
 */
export function LiveTopics({ base, topics, onAdd }: { readonly base: string; readonly topics: readonly ServerTopic[]; readonly onAdd: (title: string, params: Record<string, unknown>) => void }) {
  const add = (topic: ServerTopic): void => onAdd(`Log: ${topic.name}`, topicSourceParams(base, topic));
  const onDragStart = (event: DragEvent<HTMLButtonElement>, topic: ServerTopic): void => {
    event.dataTransfer.setData(KIND_MIME, KIND);
    event.dataTransfer.setData(PARAMS_MIME, JSON.stringify(topicSourceParams(base, topic)));
    event.dataTransfer.setData('text/plain', KIND);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // A click from the keyboard (Enter, Space) has no detail; a mouse click needs a second one.
  const onClick = (event: MouseEvent<HTMLButtonElement>, topic: ServerTopic): void => {
    if (event.detail === 0) add(topic);
  };
  return topics.map((topic) => (
    <li key={`topic:${topic.name}`}>
      <button
        type="button"
        className="wp-palette-item"
        draggable
        data-live-topic={topic.name}
        title={`The ${topic.stream} stream kept as a replayable, partitioned log on ${base}/topics/${topic.name}: ${topic.partitions.length} partitions, ${topicRecords(topic).toLocaleString('en')} records.\n${partitionLines(topic)}\nAdds a WebSocket source in log mode, from the earliest offset. Drag onto the canvas or double-click to add.`}
        aria-description="Press Enter to add it to the canvas"
        onDragStart={(e) => onDragStart(e, topic)}
        onDoubleClick={() => add(topic)}
        onClick={(e) => onClick(e, topic)}
      >
        <span className="wp-palette-icon"><KindIcon kind={KIND} /></span>
        <span className="wp-palette-label wp-palette-topic-name">Log: {topic.name}</span>
        <span className="wp-palette-topic-size" aria-label={`${topic.partitions.length} partitions, ${topicRecords(topic)} records`}>{topicSummary(topic)}</span>
      </button>
    </li>
  ));
}
