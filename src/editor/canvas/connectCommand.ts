import { createContext } from 'react';
import type { NodePort } from './connectOptions';

/** Opens the "Connect" dialog for a node, on one of its ports or on all of them. */
export type OpenConnect = (nodeId: string, port?: NodePort) => void;

/** The canvas provides it; a node's handles call it from the keyboard (Enter or Space). */
export const ConnectCommand = createContext<OpenConnect | null>(null);
