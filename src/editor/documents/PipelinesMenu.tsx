import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PipelineEntry } from '../persistence/records';
import { NameInput } from './NameInput';

/** "just now", "5 min ago", "3 h ago", or the date. */
function relativeTime(then: number, now: number): string {
  const minutes = Math.round((now - then) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(then).toLocaleDateString();
}

export interface PipelineActions {
  open(id: string): void;
  create(): void;
  duplicate(id: string): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
}

/**
 * The pipelines kept in this browser, most recently changed first: open one,
 * start a new one, rename, duplicate or delete (Delete offers Undo). A
 * disclosure rather than an ARIA menu, because each row holds several buttons
 * and a rename field; Escape or a click outside closes it.
 */
export function PipelinesMenu({ pipelines, openId, openName, actions }: {
  readonly pipelines: readonly PipelineEntry[];
  readonly openId: string;
  /** The open pipeline's name as it is on screen now (the list catches up on the next save). */
  readonly openName: string;
  readonly actions: PipelineActions;
}) {
  const [expanded, setExpanded] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!expanded) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (event.target instanceof Node && root.current?.contains(event.target) !== true) setExpanded(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [expanded]);

  const close = (): void => {
    setExpanded(false);
    setRenaming(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !expanded) return;
    event.preventDefault();
    close();
    trigger.current?.focus();
  };
  const then = (run: () => void) => () => {
    close();
    run();
  };
  const now = Date.now();
  const sorted = [...pipelines].sort((a, b) => b.updatedAt - a.updatedAt);

  return (
    <div className="wp-docs-pipelines" ref={root} onKeyDown={onKeyDown}>
      <button ref={trigger} type="button" className="wp-docs-button" aria-expanded={expanded} aria-controls={panelId} onClick={() => (expanded ? close() : setExpanded(true))}>
        Pipelines <span className="wp-docs-count">{pipelines.length}</span>
      </button>
      <div id={panelId} className="wp-docs-pipelines-panel" role="region" aria-label="Pipelines" hidden={!expanded}>
        <button type="button" className="wp-docs-button wp-docs-button-primary wp-docs-new-pipeline" onClick={then(actions.create)}>New pipeline</button>
        <ul className="wp-docs-pipeline-list">
          {sorted.map((entry) => {
            const isOpen = entry.id === openId;
            const name = isOpen ? openName : entry.name;
            return (
              <li key={entry.id} className={isOpen ? 'wp-docs-pipeline wp-docs-pipeline-open' : 'wp-docs-pipeline'}>
                {renaming === entry.id ? (
                  <NameInput name={name} label={`New name for ${name}`} autoFocus onRename={(value) => actions.rename(entry.id, value)} onDone={() => setRenaming(null)} />
                ) : (
                  <button type="button" className="wp-docs-pipeline-open-button" aria-current={isOpen ? 'true' : undefined} onClick={then(() => actions.open(entry.id))}>
                    <span className="wp-docs-pipeline-name">{name}</span>
                    <span className="wp-docs-pipeline-time">{relativeTime(entry.updatedAt, now)}</span>
                  </button>
                )}
                <span className="wp-docs-pipeline-actions">
                  <button type="button" className="wp-docs-button wp-docs-button-small" aria-label={`Rename ${name}`} onClick={() => setRenaming(entry.id)}>Rename</button>
                  <button type="button" className="wp-docs-button wp-docs-button-small" aria-label={`Duplicate ${name}`} onClick={then(() => actions.duplicate(entry.id))}>Duplicate</button>
                  <button type="button" className="wp-docs-button wp-docs-button-small wp-docs-button-danger" aria-label={`Delete ${name}`} onClick={() => actions.remove(entry.id)}>Delete</button>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
