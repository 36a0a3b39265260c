import { Component, useCallback, useEffect, useId, useMemo, useState, type ErrorInfo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DocumentsState } from '../persistence/documentSession';
import { documentSessionFor } from '../persistence/restoreEditor';
import { useEditorStore } from '../store/context';
import { CrashProbe } from './CrashProbe';
import './panels.css';

interface CatcherProps {
  readonly title: string;
  /** When it changes (another pipeline opened), a failed panel tries again. */
  readonly resetKey: string;
  readonly className: string;
  readonly onFailed: (error: unknown) => void;
  readonly onRendered: () => void;
  readonly onReload: () => void;
  readonly children: ReactNode;
}

interface CatcherState {
  readonly error: unknown;
  readonly failed: boolean;
}

const openIdOf = (s: DocumentsState) => s.openId;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // React's production errors are a number and a link; the first sentence is what is worth reading.
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The error boundary itself (React has no hook for one). */
class Catcher extends Component<CatcherProps, CatcherState> {
  override state: CatcherState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): CatcherState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onFailed(error);
    console.error(`Windowpane: the ${this.props.title} panel failed`, error, info.componentStack);
  }

  override componentDidMount(): void {
    if (!this.state.failed) this.props.onRendered();
  }

  override componentDidUpdate(previous: CatcherProps, before: CatcherState): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ error: null, failed: false });
    else if (before.failed && !this.state.failed) this.props.onRendered();
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { title, className, onReload } = this.props;
    return (
      <div className={`wp-panel-failed ${className}`} role="alert" data-testid="panel-failed" data-panel={title}>
        <p className="wp-panel-failed-title">The {title} stopped working.</p>
        <p className="wp-panel-failed-text">
          The rest of Windowpane still works. Autosave is paused until this panel works again, so what broke it
          is not saved: a reload brings back your pipeline as it was before.
        </p>
        <p className="wp-panel-failed-error"><code>{messageOf(this.state.error)}</code></p>
        <button type="button" className="wp-panel-failed-button" onClick={onReload}>Reload this panel</button>
      </div>
    );
  }
}

/**
 * Keeps a failure inside one panel (the canvas, the inspector, the palette,
 * the dock, the documents bar, the run toolbar): the panel shows what went
 * wrong and a "Reload this panel" button that mounts it afresh, and the rest
 * of the app carries on. While it shows the error, autosave stores nothing,
 * so the state that broke the panel never becomes the saved document.
 * Opening another pipeline tries a failed panel again, as the button does.
 *
 * `className` places the message where the panel was (its grid area).
 */
export function PanelBoundary({ title, className = '', children }: { readonly title: string; readonly className?: string; readonly children: ReactNode }) {
  const store = useEditorStore();
  const session = useMemo(() => documentSessionFor(store), [store]);
  const openId = useStore(session.state, openIdOf);
  // A new key mounts a new boundary and new children: that is the reload.
  const [generation, setGeneration] = useState(0);
  // Two panels may share a title (one per sink): autosave waits for each of them by its own id.
  const id = useId();
  const onFailed = useCallback(() => session.panelFailed(id), [session, id]);
  const onRendered = useCallback(() => session.panelRecovered(id), [session, id]);
  // A failed panel that goes away (its sink deleted) no longer holds autosave back.
  useEffect(() => () => session.panelRecovered(id), [session, id]);
  const onReload = useCallback(() => setGeneration((g) => g + 1), []);
  return (
    <Catcher key={generation} resetKey={openId} title={title} className={className} onFailed={onFailed} onRendered={onRendered} onReload={onReload}>
      <CrashProbe panel={title} />
      {children}
    </Catcher>
  );
}
