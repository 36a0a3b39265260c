import type { DragEvent, MouseEvent } from 'react';
import { KindIcon } from '../canvas/KindIcon';
import { KIND_MIME, PARAMS_MIME } from '../canvas/flowTypes';
import { LiveTopics } from './LiveTopics';
import { liveSourceParams, type ServerStream } from './streamCatalog';
import { useSampleStreams } from './useSampleStreams';
import './sampleServer.css';

const KIND = 'source.websocket';

/**
 * The sample server's streams as palette entries under Sources: each adds a
 * WebSocket source already pointed at the stream, with its fields declared;
 * then its topics (see LiveTopics), which add one in log mode.
 * While the server is away, one quiet line says so, with a button to look again at once.
 */
export function LiveStreams({ query, onAdd }: { readonly query: string; readonly onAdd: (title: string, params: Record<string, unknown>) => void }) {
  const { base, status, streams, topics, checkNow } = useSampleStreams();
  const q = query.trim().toLowerCase();
  const shown = streams.filter((s) => q === '' || `live: ${s.name}`.includes(q) || 'websocket'.includes(q));
  const shownTopics = topics.filter((t) => q === '' || `log: ${t.name}`.includes(q) || 'websocket topic partition'.includes(q));
  if (status === 'offline') {
    if (q !== '') return null;
    return (
      <p className="wp-palette-offline" data-testid="sample-server-offline" title={`No answer from ${base}/api/streams. Start it with npm run server (npm start runs it too); ?server= in the address picks another one. The app looks again now and then, and when you come back to this window.`}>
        Sample server offline{' '}
        <button type="button" className="wp-link-button wp-palette-recheck" onClick={checkNow}>Check again</button>
      </p>
    );
  }
  const add = (stream: ServerStream): void => onAdd(`Live: ${stream.name}`, liveSourceParams(base, stream));
  const onDragStart = (event: DragEvent<HTMLButtonElement>, stream: ServerStream): void => {
    event.dataTransfer.setData(KIND_MIME, KIND);
    event.dataTransfer.setData(PARAMS_MIME, JSON.stringify(liveSourceParams(base, stream)));
    event.dataTransfer.setData('text/plain', KIND);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // A click from the keyboard (Enter, Space) has no detail; a mouse click needs a second one.
  const onClick = (event: MouseEvent<HTMLButtonElement>, stream: ServerStream): void => {
    if (event.detail === 0) add(stream);
  };
  if (shown.length === 0 && shownTopics.length === 0) return null;
  return (
    <ul className="wp-palette-live" aria-label="Live streams and topics of the sample server">
      {shown.map((stream) => (
        <li key={stream.name}>
          <button
            type="button"
            className="wp-palette-item"
            draggable
            data-live-stream={stream.name}
            title={`${stream.description}\nA WebSocket source on ${base}/streams/${stream.name}. Drag onto the canvas or double-click to add.`}
            aria-description="Press Enter to add it to the canvas"
            onDragStart={(e) => onDragStart(e, stream)}
            onDoubleClick={() => add(stream)}
            onClick={(e) => onClick(e, stream)}
          >
            <span className="wp-palette-icon"><KindIcon kind={KIND} /></span>
            <span className="wp-palette-label">Live: {stream.name}</span>
          </button>
        </li>
      ))}
      <LiveTopics base={base} topics={shownTopics} onAdd={onAdd} />
    </ul>
  );
}
