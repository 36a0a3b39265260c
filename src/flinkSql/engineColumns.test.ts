/**
 * Our engine and the export agree on result columns: each example is run to
 * the end through our engine, and every column of every sink's results has
 * a column of the same name in that sink's exported table, of a Flink type
 * in the family of our type (flinkTypes.ts: number as DOUBLE, BIGINT, INT,
 * DECIMAL; time as BIGINT epoch ms, TIMESTAMP(3) or TIMESTAMP_LTZ(3);
 * string as STRING; boolean as BOOLEAN). A file example without inline data
 * reads its file from ../shared/data, and the export gets the file's fields
 * as the app or the CLI would give them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Field } from '../engine/batch';
import { compilePipeline } from '../engine/plan/compile';
import { runPipeline } from '../engine/run/runPipeline';
import { validate } from '../model';
import { examples } from './exportTesting';
import { FLINK_TYPE_FAMILIES, inFamily } from './flinkTypes';
import { exportFlinkSql } from './index';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'nab');
/** Files of the examples whose data is not inline. */
const FILES: ReadonlyMap<string, string> = new Map(
  ['nyc_taxi.csv', 'machine_temperature_system_failure.csv', 'ec2_request_latency_system_failure.csv'].map((name) => [name, join(DATA, name)]),
);

/** The JavaScript type a value of our type has in a result row (missing values are null). */
const JS_TYPE: Readonly<Record<Field['type'], string>> = { number: 'number', time: 'number', string: 'string', boolean: 'boolean' };

describe('every result column of our engine has its column, of a matching type, in the exported sink table', () => {
  it('defines a family for every type of ours', () => {
    expect([...FLINK_TYPE_FAMILIES.keys()].sort()).toEqual(['boolean', 'number', 'string', 'time']);
    expect(inFamily('time', 'TIMESTAMP(3)')).toBe(true);
    expect(inFamily('number', 'STRING')).toBe(false);
  });

  it.each(examples().map((e) => [e.name, e.document] as const))('%s', (_, raw) => {
    const valid = validate(raw);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const doc = valid.document;
    const fileInputs: Record<string, string> = {};
    for (const node of doc.nodes) {
      if (node.kind !== 'source.file' || node.params.data !== undefined) continue;
      const file = FILES.get(node.params.fileName ?? '');
      if (file === undefined) throw new Error(`no data for ${node.id}`);
      fileInputs[node.id] = readFileSync(file, 'utf8');
    }
    const compiled = compilePipeline(doc, { fileInputs });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const fileFields = new Map(Object.keys(fileInputs).map((id) => {
      const edge = doc.edges.find((e) => e.from === id)!;
      return [id, compiled.plan.edgeSchemas.get(edge.id)!.fields] as const;
    }));
    const exported = exportFlinkSql(raw, { fileFields });
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const run = runPipeline(doc, { fileInputs, limit: 5000 });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    let columnsChecked = 0;
    for (const sink of doc.nodes.filter((n) => n.kind.startsWith('sink.'))) {
      const columns = exported.sinkColumns.get(sink.id);
      if (columns === undefined) {
        // Not exported: named as a gap (the late port's sinks).
        expect(exported.gaps.some((g) => g.nodeId === sink.id && g.severity === 'unmappable'), sink.id).toBe(true);
        continue;
      }
      const edge = doc.edges.find((e) => e.to === sink.id)!;
      const ours = compiled.plan.edgeSchemas.get(edge.id)!.fields;
      const rows = run.results.get(sink.id) ?? [];
      expect(rows.length, `${sink.id} has results`).toBeGreaterThan(0);
      const names = new Set(rows.flatMap((row) => Object.keys(row)));
      expect([...names].sort()).toEqual(ours.map((f) => f.name).sort());
      for (const name of names) {
        const field = ours.find((f) => f.name === name)!;
        const column = columns.find((c) => c.name === name);
        expect(column, `${sink.id}.${name} is in the exported table`).toBeDefined();
        expect(inFamily(field.type, column!.flinkType), `${sink.id}.${name}: ours ${field.type}, Flink ${column!.flinkType}`).toBe(true);
        for (const row of rows) {
          const value = row[name];
          if (value !== null && value !== undefined) expect(typeof value, `${sink.id}.${name}`).toBe(JS_TYPE[field.type]);
        }
        columnsChecked++;
      }
      // And nothing more: the exported table has no column our results lack.
      expect(columns.map((c) => c.name).sort()).toEqual([...names].sort());
    }
    if (columnsChecked === 0) {
      // No sink exported: then a node before them (a detector, say) must be named as having no Flink SQL mapping.
      const sinkIds = new Set(doc.nodes.filter((n) => n.kind.startsWith('sink.')).map((n) => n.id));
      expect(exported.gaps.some((g) => g.severity === 'unmappable' && !sinkIds.has(g.nodeId))).toBe(true);
    }
  }, 60_000);
});
