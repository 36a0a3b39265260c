import { useId } from 'react';
import { liveSourceParams, LIVE_QUERY } from './streamCatalog';
import { streamOfUrl, topicOfUrl } from './serverUrl';
import { useSampleStreams } from './useSampleStreams';
import './sampleServer.css';

/**
 * For a `source.websocket` node: pick one of the sample server's streams, which
 * fills the URL (keeping the node's query, such as rate and seed, when it
 * already reads from the server) and the declared fields.
 */
export function StreamPicker({ params, apply }: { readonly params: Readonly<Record<string, unknown>>; readonly apply: (params: Record<string, unknown>) => void }) {
  const id = useId();
  const { base, status, streams, checkNow } = useSampleStreams();
  const url = typeof params.url === 'string' ? params.url : '';
  const current = streamOfUrl(base, url);
  const topic = topicOfUrl(base, url);
  if (topic !== null && typeof params.log === 'object') {
    // A topic is read as a log (offsets per partition); the stream list does not apply.
    return <p className="wp-stream-picker muted" data-testid="stream-picker"><span>Reads the sample server's topic <strong>{topic}</strong> as a partitioned log.</span></p>;
  }
  if (status !== 'online') {
    return (
      <p className="wp-stream-picker muted" data-testid="stream-picker">
        {status === 'offline' ? <>Sample server offline ({base}). <button type="button" className="wp-link-button" onClick={checkNow}>Check again</button></> : 'Looking for the sample server…'}
      </p>
    );
  }
  const choose = (name: string): void => {
    const stream = streams.find((s) => s.name === name);
    if (stream === undefined) return;
    const kept = current === null ? LIVE_QUERY : Object.fromEntries(new URL(url).searchParams);
    const filled = liveSourceParams(base, stream, kept);
    // The watermark bound and formats the user chose stay; only what the stream dictates changes.
    apply({ ...params, url: filled.url, fields: filled.fields, eventTime: filled.eventTime });
  };
  return (
    <div className="wp-stream-picker" data-testid="stream-picker">
      <label htmlFor={id}>Sample server stream</label>
      <select id={id} value={current ?? ''} onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>{current === null ? 'Choose a stream…' : ''}</option>
        {streams.map((s) => <option key={s.name} value={s.name} title={s.description}>{s.name}</option>)}
      </select>
    </div>
  );
}
