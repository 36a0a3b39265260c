/** The file store worker's entry: ./storeWorkerImpl.ts exposed through comlink. */
import * as Comlink from 'comlink';
import { createStoreWorker } from './storeWorkerImpl';

Comlink.expose(createStoreWorker());
