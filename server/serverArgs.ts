/** The sample server's command line: --port and --host, with WINDOWPANE_SERVER_PORT as the default port. */

export const DEFAULT_PORT = 8787;

/** The port and host from the command line and environment, or a usage error. */
export function parseServerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { port: number; host: string | undefined } | { error: string } {
  let portText = env.WINDOWPANE_SERVER_PORT ?? String(DEFAULT_PORT);
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (flag !== '--port' && flag !== '--host') return { error: `unknown argument '${arg}'; usage: server/main.ts [--port N] [--host H]` };
    if (value === undefined) return { error: `${flag} needs a value` };
    if (inline === undefined) i++;
    if (flag === '--port') portText = value;
    else host = value;
  }
  const port = Number(portText);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) return { error: `port: expected an integer in 0..65535, got '${portText}'` };
  return { port, host };
}
