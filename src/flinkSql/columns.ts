/** Select lists shared by the views: data columns, then the time attributes a relation carries. */
import type { Field } from '../engine/batch';
import { ident } from './identifiers';
import type { Relation } from './relation';
import type { TimeNames } from './sources';

/** The time attribute columns `relation` carries, quoted, for a select list. */
export function timeColumns(relation: Relation, names: TimeNames): string[] {
  const list: string[] = [];
  if (relation.rowtime) list.push(ident(names.rowtime));
  if (relation.proctime) list.push(ident(names.proctime));
  return list;
}

/** `relation`'s data columns and time attributes as a select list. */
export function allColumns(relation: Relation, names: TimeNames): string[] {
  return [...relation.columns.map((c) => ident(c.name)), ...timeColumns(relation, names)];
}

/** The data columns as our fields, for the expression translator. */
export function fieldsOf(relation: Relation): Field[] {
  return relation.columns.map((c) => ({ name: c.name, type: c.type }));
}

/** Select-list lines, indented under SELECT. */
export function selectLines(items: readonly string[]): string {
  return items.map((item) => `  ${item}`).join(',\n');
}
