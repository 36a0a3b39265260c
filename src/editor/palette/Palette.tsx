import { useState, type DragEvent, type MouseEvent } from 'react';
import { KindIcon } from '../canvas/KindIcon';
import { FAMILIES, kindsOf, kindTitle } from '../canvas/kindInfo';
import { KIND_MIME } from '../canvas/flowTypes';
import { useAddNode } from '../canvas/placement';
import { kindHelp } from '../help/help';
import { LiveStreams } from '../sampleServer/LiveStreams';
import './palette.css';

function matches(kind: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || kind.toLowerCase().includes(q) || kindTitle(kind).toLowerCase().includes(q);
}

/**
 * The node palette, grouped by family. A kind is added by dragging it onto
 * the canvas, by double-clicking it, or from the keyboard (Tab to it, then
 * Enter or Space): it lands to the right of the selected node, or in free
 * space in the middle of the view, and ends up selected, so adding several
 * in a row lays them out left to right.
 */
export function Palette() {
  const addNode = useAddNode();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const add = (kind: string): void => {
    const id = addNode.besideSelection(kind);
    setAnnouncement(`Added ${kindTitle(kind)} ${id}`);
  };
  const addLive = (title: string, params: Record<string, unknown>): void => {
    const id = addNode.besideSelection('source.websocket', params);
    setAnnouncement(`Added ${title} ${id}`);
  };
  const onDragStart = (event: DragEvent<HTMLButtonElement>, kind: string): void => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.setData('text/plain', kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // A click from the keyboard (Enter, Space) has no detail; a mouse click needs a second one.
  const onClick = (event: MouseEvent<HTMLButtonElement>, kind: string): void => {
    if (event.detail === 0) add(kind);
  };

  const groups = FAMILIES.map((f) => ({ ...f, kinds: kindsOf(f.family).filter((k) => matches(k, query)) })).filter((g) => g.kinds.length > 0);
  return (
    <nav className="wp-palette" aria-label="Node palette">
      <div className="wp-palette-head">
        <h2>Nodes</h2>
        <input
          type="search"
          className="wp-palette-search"
          placeholder="Filter nodes"
          aria-label="Filter nodes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="wp-palette-groups">
        {groups.map((g) => (
          <section key={g.family} className={`wp-palette-group wp-family-${g.family}`} aria-labelledby={`wp-palette-${g.family}`}>
            <h3 id={`wp-palette-${g.family}`}>{g.label}</h3>
            <ul>
              {g.kinds.map((kind) => (
                <li key={kind}>
                  <button
                    type="button"
                    className="wp-palette-item"
                    draggable
                    data-kind={kind}
                    title={`${kindHelp(kind)}\nDrag onto the canvas or double-click to add.`.trim()}
                    aria-description="Press Enter to add it to the canvas"
                    onDragStart={(e) => onDragStart(e, kind)}
                    onDoubleClick={() => add(kind)}
                    onClick={(e) => onClick(e, kind)}
                  >
                    <span className="wp-palette-icon"><KindIcon kind={kind} /></span>
                    <span className="wp-palette-label">{kindTitle(kind)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {g.family === 'source' && <LiveStreams query={query} onAdd={addLive} />}
          </section>
        ))}
        {groups.length === 0 && <p className="wp-palette-none">No node matches “{query}”.</p>}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </nav>
  );
}
