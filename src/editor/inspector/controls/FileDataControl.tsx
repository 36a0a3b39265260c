import { useId, useState, type ChangeEvent } from 'react';
import { useDraft } from '../useDraft';
import { describedBy, messagesOf, ParamFrame } from './ParamFrame';
import type { ControlProps } from './types';

/** Files bigger than this are not shown in the text box: the box would be slower than it is useful. */
const EDITABLE_CHARS = 200_000;

function sizeText(text: string): string {
  const lines = text === '' ? 0 : text.split('\n').filter((l) => l !== '').length;
  const kb = text.length / 1024;
  return `${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'}, ${kb < 10 ? kb.toFixed(1) : Math.round(kb).toLocaleString('en')} KB`;
}

/**
 * A file source's data: load a file (its name goes to fileName), see its
 * size, or edit small files' text in place.
 */
export function FileDataControl(props: ControlProps & { readonly onLoad: (text: string, fileName: string) => void }) {
  const text = typeof props.value === 'string' ? props.value : '';
  const { draft, change, flush, dirty } = useDraft(text, (next) => props.commit(next === '' ? undefined : next));
  const [reading, setReading] = useState<string | null>(null);
  const pickerId = useId();
  const messages = messagesOf(props, null, dirty);
  const load = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setReading(file.name);
    void file.text().then((content) => {
      setReading(null);
      props.onLoad(content, file.name);
    }, () => setReading(null));
    event.target.value = '';
  };
  return (
    <ParamFrame control={props} messages={messages} hint={text === '' ? 'none' : sizeText(text)}>
      <div className="wp-file-actions">
        <input id={pickerId} className="visually-hidden wp-file-picker" type="file" accept=".csv,.ndjson,.json,.jsonl,.txt,text/*,application/json" onChange={load} />
        <label className="wp-button" htmlFor={pickerId}>{text === '' ? 'Load a file…' : 'Replace file…'}</label>
        {text !== '' && <button type="button" className="wp-button wp-button-quiet" onClick={() => props.commit(undefined)}>Clear</button>}
        {reading !== null && <span className="muted">Reading {reading}…</span>}
      </div>
      {text.length <= EDITABLE_CHARS ? (
        <textarea
          id={props.id} className="wp-input wp-input-mono wp-file-text" rows={4} spellCheck={false} value={draft}
          placeholder="Paste CSV, NDJSON or a JSON array, or load a file" aria-describedby={describedBy(props.id)}
          onChange={(e) => change(e.target.value)} onBlur={flush}
        />
      ) : (
        <output id={props.id} className="wp-fixed" aria-describedby={describedBy(props.id)}>Too large to edit here; load another file to replace it.</output>
      )}
    </ParamFrame>
  );
}
