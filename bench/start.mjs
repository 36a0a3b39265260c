/**
 * How fast the CLI starts: `windowpane validate` on an example, against `node -e 0` (Node's own
 * start, which no change of ours can remove). The commands alternate run after run, so they see
 * the same load on a shared machine; each is pinned to one core when `taskset` exists.
 *
 *   npm run bench:start                      # node -e 0, node cli/bin.cjs (and bin.mjs) validate, and npx
 *   node bench/start.mjs --runs 40 --no-npx
 *   node bench/start.mjs --against ../other  # the same validate from another checkout, alternating
 *
 * Prints median and p90 wall milliseconds of each, the CLI's own part (validate's median less
 * node's) and the ratios. The first runs of a fresh build write its code cache and are not counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    example: { type: 'string', default: 'examples/card-spend.json' },
    against: { type: 'string' },
    'no-npx': { type: 'boolean', default: false },
    cpu: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs takes an integer of at least 3');
const root = resolve(import.meta.dirname, '..');
const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', values.cpu] : [];

/** A command to time: what it runs and where. */
const command = (name, argv, cwd = root) => ({ name, argv: [...pin, ...argv], cwd, times: [] });
/** validate through `bin` of checkout `dir`: the package's bin (cli/bin.cjs) by default, as npx runs it; a checkout from before it ran cli/bin.mjs. */
const validateIn = (dir, bin = existsSync(join(dir, 'cli', 'bin.cjs')) ? 'bin.cjs' : 'bin.mjs') => [process.execPath, join(dir, 'cli', bin), 'validate', join(dir, values.example)];

const commands = [command('node -e 0', [process.execPath, '-e', '0']), command('node cli/bin.cjs validate', validateIn(root))];
if (values.against !== undefined) commands.push(command(`validate in ${values.against}`, validateIn(resolve(values.against)), resolve(values.against)));
commands.push(command('node cli/bin.mjs validate', validateIn(root, 'bin.mjs')));
const installedBin = join(root, 'node_modules', '.bin', 'windowpane');
if (existsSync(installedBin)) commands.push(command('node_modules/.bin/windowpane validate', [installedBin, 'validate', values.example]));
if (!values['no-npx']) commands.push(command('npx windowpane validate', ['npx', 'windowpane', 'validate', values.example]));

/** Runs `c` once; its wall time in ms. A failure stops the benchmark: a fast wrong answer is no answer. */
function once(c) {
  const start = process.hrtime.bigint();
  const result = spawnSync(c.argv[0], c.argv.slice(1), { cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name} failed (${result.status}): ${result.stderr}`);
  return ms;
}

for (const c of commands) for (let i = 0; i < 2; i++) once(c); // builds when stale, writes the code cache
for (let i = 0; i < runs; i++) for (const c of commands) c.times.push(once(c));

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const stats = (c) => {
  const sorted = [...c.times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
};
const node = stats(commands[0]);
console.log(`${runs} runs each, alternating${pin.length > 0 ? `, pinned to cpu ${values.cpu}` : ''}; wall ms`);
for (const c of commands) {
  const s = stats(c);
  const own = c === commands[0] ? '' : `  (${(s.median - node.median).toFixed(0)} ms over node, x${(s.median / node.median).toFixed(2)})`;
  console.log(`${c.name.padEnd(40)} median ${s.median.toFixed(0).padStart(5)}  p90 ${s.p90.toFixed(0).padStart(5)}${own}`);
}
if (values.against !== undefined) {
  const ours = stats(commands[1]).median;
  const theirs = stats(commands[2]).median;
  console.log(`this checkout / ${values.against}: x${(ours / theirs).toFixed(2)} (CLI part ${(ours - node.median).toFixed(0)} vs ${(theirs - node.median).toFixed(0)} ms)`);
}
