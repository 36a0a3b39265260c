import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { EditorShell } from '../editor/EditorShell';
import { LearnButton } from '../editor/learn/LearnButton';
import { PanelBoundary } from '../editor/panels/PanelBoundary';
import { RunProvider } from '../editor/run/RunProvider';
import { RunToolbar } from '../editor/run/RunToolbar';
import type { RunController } from '../editor/run/types';
import { EditorStoreProvider } from '../editor/store/context';
import type { EditorStore } from '../editor/store/documentStore';
import { TopBar } from './TopBar';

// Moves focus without touching the URL: the hash may hold a share link.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

// Server data (the sample server's stream list) goes through react-query; one client per page.
const queryClient = new QueryClient();

/** The application: the top bar, and the editor filling the rest of the window; `run` runs its pipeline. */
export function App({ store, run }: { readonly store: EditorStore; readonly run: RunController }) {
  return (
    <QueryClientProvider client={queryClient}>
      <EditorStoreProvider store={store}>
        <RunProvider controller={run}>
          <div className="shell">
            <a className="skip-link" href="#main" onClick={skipToMain}>
              Skip to the canvas
            </a>
            <TopBar>
              <LearnButton />
              <PanelBoundary title="run toolbar" className="is-toolbar">
                <RunToolbar />
              </PanelBoundary>
            </TopBar>
            <EditorShell />
          </div>
        </RunProvider>
      </EditorStoreProvider>
    </QueryClientProvider>
  );
}
