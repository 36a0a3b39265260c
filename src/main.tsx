import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { documentSessionFor, restoreEditor } from './editor/persistence/restoreEditor';
import { loadRuntimeConfig } from './editor/sampleServer/serverUrl';
import { createEditorStore } from './editor/store/documentStore';
import { createRunController } from './editor/run/runController';
import { recordRuns } from './editor/runs/pageHistory';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain an element with id "root".');

// One editor store for the whole page: the canvas, the panels and autosave share it.
const store = createEditorStore();
// One run controller beside it: it follows that store's document and owns the pipeline worker;
// a run belongs to the pipeline open when it started (the documents session says which).
const run = createRunController({ editor: store, pipeline: documentSessionFor(store).state });
// Every run goes into the history of runs (IndexedDB), which the Runs panel lists.
recordRuns(run, store, documentSessionFor(store).state);

// The saved work is loaded before the first paint, so the canvas opens on it
// (and on its viewport) instead of flashing an empty pipeline. Never rejects.
// The runtime config (where the sample server listens) is read at the same time.
void Promise.all([restoreEditor(store), loadRuntimeConfig()]).then(() => {
  createRoot(container).render(
    <StrictMode>
      <App store={store} run={run} />
    </StrictMode>,
  );
});
