/**
 * The app's runtime configuration, served by Vite's dev and preview servers at
 * /windowpane-config.json. It carries what is known only when the app is
 * served, not when it is built: the sample server's port (WINDOWPANE_SERVER_PORT),
 * so `npm start` on another port, or the tests on theirs, still find it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export const RUNTIME_CONFIG_PATH = '/windowpane-config.json';

/** The config's body for `env`: the server port when WINDOWPANE_SERVER_PORT is a valid port, else null. */
export function runtimeConfigOf(env: NodeJS.ProcessEnv): { sampleServerPort: number | null } {
  const port = Number(env.WINDOWPANE_SERVER_PORT);
  return { sampleServerPort: Number.isInteger(port) && port > 0 && port <= 65535 ? port : null };
}

function serveConfig(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (request.url?.split('?')[0] !== RUNTIME_CONFIG_PATH) return next();
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(runtimeConfigOf(process.env)));
}

/** Serves the runtime configuration in `vite` (dev) and `vite preview` alike. */
export function windowpaneRuntimeConfig(): Plugin {
  return {
    name: 'windowpane-runtime-config',
    configureServer(server) {
      server.middlewares.use(serveConfig);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveConfig);
    },
  };
}
