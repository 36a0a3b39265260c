/** `windowpane export --flink-sql`: exit codes, --out, --connector, the gaps on standard error, the bundle. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from './args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './exitCodes';
import { main } from './main';
import { memoryIo } from './testIo';

const root = resolve(import.meta.dirname, '..');
const example = (name: string): string => resolve(root, 'examples', name);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; io: ReturnType<typeof memoryIo> }> {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join(''), io };
}

/** A small valid document: a file source with inline CSV, a filter, a tumbling window with a count window beside it. */
function document(extra: { nodes?: unknown[]; edges?: unknown[] } = {}): string {
  return JSON.stringify({
    format: 'windowpane.pipeline',
    version: 1,
    name: 'Export test',
    nodes: [
      {
        id: 'readings', kind: 'source.file', position: { x: 0, y: 0 },
        params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', data: 'ts,device,temperature\n1000,a,20.5\n2000,b,31\n' },
      },
      { id: 'hot', kind: 'transform.filter', position: { x: 200, y: 0 }, params: { expr: 'temperature > 30' } },
      { id: 'minute', kind: 'window.tumbling', position: { x: 400, y: 0 }, params: { size: '1m' } },
      { id: 'stats', kind: 'aggregate', position: { x: 600, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 800, y: 0 } },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { id: 'e1', from: 'readings', to: 'hot' },
      { id: 'e2', from: 'hot', to: 'minute' },
      { id: 'e3', from: 'minute', to: 'stats' },
      { id: 'e4', from: 'stats', to: 'out' },
      ...(extra.edges ?? []),
    ],
  });
}

describe('windowpane export --flink-sql', () => {
  it('writes the script to standard output and exits 0', async () => {
    const { code, out, err } = await run('export', '--flink-sql', example('sensor-averages.json'));
    expect(code, err).toBe(EXIT_OK);
    expect(out).toMatch(/^-- Flink SQL for pipeline /);
    expect(out).toContain("SET 'table.local-time-zone' = 'UTC';");
    expect(out).toMatch(/CREATE TABLE `[^`]+` \(/);
    expect(out).toContain('INSERT INTO');
    expect(err).toMatch(/: every part maps to Flink SQL/);
  });

  it('writes the script to --out, and nothing to standard output', async () => {
    const { code, out, io } = await run('export', '--flink-sql', example('sensor-averages.json'), '--out', 'pipeline.sql');
    expect(code).toBe(EXIT_OK);
    expect(out).toBe('');
    expect(io.files.get('pipeline.sql')).toMatch(/^-- Flink SQL for pipeline [\s\S]*INSERT INTO/);
  });

  it('prints what cannot map as -- comments and a one-line summary on standard error', async () => {
    const io = memoryIo();
    await io.writeText('count.json', document({
      nodes: [
        { id: 'hundred', kind: 'window.count', position: { x: 400, y: 200 }, params: { size: 100 } },
        { id: 'counted', kind: 'aggregate', position: { x: 600, y: 200 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
        { id: 'log', kind: 'sink.log', position: { x: 800, y: 200 } },
      ],
      edges: [
        { id: 'e5', from: 'hot', to: 'hundred' },
        { id: 'e6', from: 'hundred', to: 'counted' },
        { id: 'e7', from: 'counted', to: 'log' },
      ],
    }));
    const code = await main(['export', '--flink-sql', 'count.json'], io);
    const err = io.err.join('');
    expect(code, err).toBe(EXIT_OK);
    const lines = err.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^-- node '[^']+'/);
    expect(err).toMatch(/-- node 'hundred' could not map: count windows/);
    expect(summary).toMatch(/^count\.json: 3 parts could not map: 'hundred', 'counted', 'log'/);
    // The filter maps, with a note on missing values.
    expect(summary).toMatch(/1 part maps with another meaning/);
    expect(io.out.join('')).toContain('WHERE (`temperature` > 30);');
  });

  it('names a map that reads a window bound (a TIMESTAMP in Flink) as a time among what cannot map', async () => {
    const io = memoryIo();
    await io.writeText('bounds.json', document({
      nodes: [{ id: 'span', kind: 'transform.map', position: { x: 700, y: 200 }, params: { fields: [{ name: 'ms', expr: 'window_end - window_start' }] } },
        { id: 'spans', kind: 'sink.collect', position: { x: 900, y: 200 } }],
      edges: [{ id: 'e5', from: 'stats', to: 'span' }, { id: 'e6', from: 'span', to: 'spans' }],
    }));
    const code = await main(['export', '--flink-sql', 'bounds.json'], io);
    const err = io.err.join('');
    expect(code, err).toBe(EXIT_OK);
    expect(err).toMatch(/-- node 'span' \(params\.fields\[0\]\.expr\) could not map: .*'window_end', a time, .* TIMESTAMP\(3\) in Flink/);
    expect(err).toMatch(/bounds\.json: 2 parts could not map: 'span' params\.fields\[0\]\.expr, 'spans'/);
    expect(io.out.join('')).not.toMatch(/CAST\(`window_end` AS DOUBLE\)/);
  });

  it('exits 1 with the problems and their paths when the document is invalid', async () => {
    const io = memoryIo();
    await io.writeText('bad.json', document().replace('"size":"1m"', '"size":"soon"').replace('temperature > 30', 'temprature > 30'));
    const code = await main(['export', '--flink-sql', 'bad.json'], io);
    const err = io.err.join('');
    expect(code).toBe(EXIT_INVALID);
    expect(err).toMatch(/^bad\.json: nodes\[2\]\.params\.size: /m);
    expect(err).toMatch(/problems?; nothing was run\n$/);
    expect(io.out.join('')).toBe('');
  });

  it('exits 1 when an expression does not compile, naming it as validate does', async () => {
    const io = memoryIo();
    await io.writeText('expr.json', document().replace('temperature > 30', 'temprature > 30'));
    const code = await main(['export', '--flink-sql', 'expr.json'], io);
    const err = io.err.join('');
    expect(code).toBe(EXIT_INVALID);
    expect(err).toMatch(/^expr\.json: nodes\[1\]\.params\.expr: .*temprature/m);
    expect(err).toMatch(/nothing was exported\n$/);
  });

  it('takes a connector per source and sink', async () => {
    const { code, out, err } = await run('export', '--flink-sql', example('card-spend.json'), '--connector', 'payments=kafka', '--connector', 'results=filesystem');
    expect(code, err).toBe(EXIT_OK);
    expect(out).toMatch(/CREATE TABLE `payments` \([\s\S]*?'connector' = 'kafka'/);
    expect(out).toMatch(/CREATE TABLE `results` \([\s\S]*?'connector' = 'filesystem'/);
    const defaults = await run('export', '--flink-sql', example('card-spend.json'));
    expect(defaults.out).toMatch(/CREATE TABLE `payments` \([\s\S]*?'connector' = 'datagen'/);
  });

  it('refuses an unknown node, a node without a connector, and a connector that does not fit, as usage errors', async () => {
    const cases: [string, RegExp][] = [
      ['nope=kafka', /the pipeline has no node 'nope' \(its sources and sinks: payments, results, tooLate\)/],
      ['results=datagen', /'results' is a sink \(sink\.collect\); a sink's connector is print, blackhole, filesystem, kafka/],
      ['payments=print', /'payments' is a source \(source\.sample\); a source's connector is kafka, filesystem, datagen/],
      ['minute=kafka', /'minute' is a window\.tumbling, not a source or a sink/],
    ];
    for (const [flag, message] of cases) {
      const { code, out, err } = await run('export', '--flink-sql', example('card-spend.json'), '--connector', flag);
      expect(code, flag).toBe(EXIT_USAGE);
      expect(err, flag).toMatch(message);
      expect(out).toBe('');
    }
  });

  it('gives a file source without inline data its fields from --input', async () => {
    const io = memoryIo();
    const stored = JSON.parse(document()) as { nodes: { params: Record<string, unknown> }[] };
    delete stored.nodes[0]!.params['data'];
    await io.writeText('stored.json', JSON.stringify(stored));
    await io.writeText('readings.csv', 'ts,device,temperature,humidity\n1000,a,20.5,40\n');
    const without = await main(['export', '--flink-sql', 'stored.json'], io);
    expect(without).toBe(EXIT_OK);
    expect(io.out.join('')).not.toContain('`humidity` DOUBLE');
    io.out.length = 0;
    const code = await main(['export', '--flink-sql', 'stored.json', '--input', 'readings.csv'], io);
    expect(code, io.err.join('')).toBe(EXIT_OK);
    expect(io.out.join('')).toMatch(/CREATE TABLE `readings` \([\s\S]*`humidity` DOUBLE/);
  });
});

describe('export on the command line', () => {
  it('needs --flink-sql, and its options belong to it', () => {
    expect(parseCliArgs(['export', 'p.json'])).toEqual({ ok: false, message: expect.stringMatching(/export needs the format to write: --flink-sql/) });
    expect(parseCliArgs(['export', '--flink-sql', 'p.json', '--limit', '5'])).toEqual({ ok: false, message: '--limit does not apply to export' });
    expect(parseCliArgs(['run', 'p.json', '--connector', 'a=kafka'])).toEqual({ ok: false, message: '--connector only applies to export' });
    expect(parseCliArgs(['validate', 'p.json', '--flink-sql'])).toEqual({ ok: false, message: '--flink-sql only applies to export' });
    expect(parseCliArgs(['export', '--flink-sql', 'p.json', '--connector', 'kafka'])).toEqual({ ok: false, message: expect.stringMatching(/--connector must read ID=CONNECTOR/) });
    expect(parseCliArgs(['export', '--flink-sql', 'p.json', '--connector', 'a=kafka', '--connector', 'a=datagen'])).toEqual({ ok: false, message: '--connector a=... is given twice' });
    expect(parseCliArgs(['export', '--flink-sql', 'p.json', '--out', 'x.sql', '--connector', 'a=kafka', '--input', 'a=f.csv'])).toEqual({
      ok: true, value: { command: 'export', pipeline: 'p.json', out: 'x.sql', connectors: [{ nodeId: 'a', connector: 'kafka' }], inputs: [{ sourceId: 'a', path: 'f.csv' }] },
    });
  });

  it('is in --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('windowpane export --flink-sql PIPELINE.json [--out FILE] [--connector ID=CONNECTOR]...');
    expect(USAGE).toMatch(/--connector ID=C {2}export: the connector of source or sink ID/);
  });

  it('runs from the bundle, which holds the exporter but not the grammar checker (a dev dependency)', () => {
    const bin = resolve(root, 'cli', 'bin.mjs');
    const script = execFileSync(process.execPath, [bin, 'export', '--flink-sql', example('sensor-averages.json')], { cwd: root, encoding: 'utf8' });
    expect(script).toMatch(/^-- Flink SQL for pipeline [\s\S]*INSERT INTO/);
    const usage = spawnSync(process.execPath, [bin, 'export', '--flink-sql', example('card-spend.json'), '--connector', 'nope=kafka'], { cwd: root, encoding: 'utf8' });
    expect(usage.status).toBe(EXIT_USAGE);
    // export runs from the whole CLI's bundle (cli/main.ts); the manifest lists the project sources of each bundle.
    const manifest = JSON.parse(readFileSync(resolve(root, 'dist-cli', 'current.json'), 'utf8')) as { dir: string; inputs: { main: string[] } };
    expect(manifest.inputs.main).toEqual(expect.arrayContaining(['cli/exportCommand.ts', 'src/flinkSql/expression.ts', 'src/flinkSql/index.ts']));
    expect(manifest.inputs.main.filter((path) => /flinkSql\/testing|exportTesting/.test(path))).toEqual([]);
    // Packages are not listed in the manifest, so look for the grammar itself in the bundle's text.
    const bundle = readFileSync(resolve(root, 'dist-cli', manifest.dir, 'main.cjs'), 'utf8');
    expect(bundle).toContain('CREATE TABLE');
    expect(bundle).not.toContain('FlinkSqlParser.g4');
  });
});
