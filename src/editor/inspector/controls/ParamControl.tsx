import type { ReactNode } from 'react';
import { paramLabel, rowNoun } from '../labels';
import { changeRow, fnAccepts, itemShown, newRow, type Row } from '../listRows';
import { problemText, rowProblems, sentence } from '../problemPaths';
import type { Field } from '../../../engine/batch';
import type { Problem } from '../../../model';
import { EnumSelect, Checkbox, FieldPicker, FixedValue, KeyFieldsPicker } from './ChoiceControls';
import { ExpressionInput } from './ExpressionInput';
import { FileDataControl } from './FileDataControl';
import { StoredFileControl, type StoredFileEdits, type StoredFileView } from './StoredFileControl';
import { describedBy, messagesOf, ParamFrame } from './ParamFrame';
import { DurationInput, NumberInput, StringsInput, TextInput } from './TextControls';
import type { ControlProps } from './types';

/** What the param dispatcher needs beyond a control's own props. */
export interface ParamContext {
  /** The key fields of the input, marked in pickers. */
  readonly keyNames: readonly string[];
  /** The fields an aggregate before the node grouped by: what a chart's series are when left out. */
  readonly groupNames: readonly string[];
  /** The document's problems about this param and below it (list rows), with their paths. */
  readonly problemsBelow: readonly Problem[];
  /** Its JSON path, `nodes[i].params.key`. */
  readonly jsonPath: string;
  /** Loads a file into a file source: data and fileName in one step. */
  readonly loadFile: (text: string, fileName: string) => void;
  /** The stored file a file source refers to, shown instead of its text (a source holds one or the other). */
  readonly storedFile?: { readonly view: StoredFileView; readonly edits: StoredFileEdits } | undefined;
}

/** Params whose picker offers only some fields: a chart plots numbers (and times). */
const ACCEPTS: ReadonlyMap<string, (field: Field) => boolean> = new Map([
  ['sink.chart.y', (f: Field) => f.type === 'number' || f.type === 'time'],
]);

/** The control for a param, chosen by its spec. */
export function ParamControl(props: ControlProps & { readonly context: ParamContext }): ReactNode {
  const { context, ...control } = props;
  switch (control.spec.control) {
    case 'duration': return <DurationInput {...control} />;
    case 'number': return <NumberInput {...control} />;
    case 'enum': return <EnumSelect {...control} />;
    case 'boolean': return <Checkbox {...control} />;
    case 'fixed': return <FixedValue {...control} />;
    case 'field': {
      const accepts = control.accepts ?? ACCEPTS.get(control.path);
      return <FieldPicker {...control} {...(accepts === undefined ? {} : { accepts })} />;
    }
    case 'fields': return <KeyFieldsPicker {...control} keyNames={context.keyNames} defaultNames={context.groupNames} />;
    case 'expression': return <ExpressionInput {...control} />;
    case 'longText':
      return context.storedFile === undefined
        ? <FileDataControl {...control} onLoad={context.loadFile} />
        : <StoredFileControl {...control} file={context.storedFile.view} edits={context.storedFile.edits} />;
    case 'strings': return <StringsInput {...control} />;
    case 'list': return <ListEditor {...control} context={context} />;
    case 'group': return <GroupEditor {...control} context={context} />;
    case 'text': return <TextInput {...control} />;
  }
}

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.map((r) => (typeof r === 'object' && r !== null ? (r as Row) : {})) : [];
}

/**
 * A list of objects (aggregations, computed fields): one card per row with a
 * control for each of its keys, and buttons to add and remove rows.
 */
function ListEditor(props: ControlProps & { readonly context: ParamContext }) {
  const { context, spec, kind, path, id, fields } = props;
  const item = spec.control === 'list' ? spec.item : [];
  const rows = rowsOf(props.value);
  const noun = rowNoun(path);
  const fresh = (): Row[] => rowsOf(props.current());
  const setRow = (index: number, key: string, value: unknown) => {
    const list = fresh();
    const row = list[index];
    if (row === undefined) return;
    props.commit(list.map((r, i) => (i === index ? changeRow(path, row, key, value, fields, list.filter((_, j) => j !== index)) : r)));
  };
  const claimed = new Set<Problem>();
  const cards = rows.map((row, index) => {
    const rowPath = `${context.jsonPath}[${index}]`;
    const mine = rowProblems(context.problemsBelow, context.jsonPath, index, row['name']);
    mine.forEach((p) => claimed.add(p));
    const atKey = (key: string) => mine.filter((p) => p.path === `${rowPath}.${key}` || p.path.startsWith(`${rowPath}.${key}[`));
    const rest = mine.filter((p) => !item.some((s) => atKey(s.key).includes(p)));
    const title = `${sentence(noun)} ${index + 1}`;
    return (
      <li key={index} className="wp-row">
        <div className="wp-row-head">
          <span className="wp-row-title">{title}{typeof row['name'] === 'string' && row['name'] !== '' && <code>{row['name']}</code>}</span>
          <button
            type="button" className="wp-icon-button" aria-label={`Remove ${noun} ${index + 1}`} title={`Remove ${noun} ${index + 1}`}
            disabled={rows.length <= (spec.control === 'list' ? spec.minItems : 0)}
            onClick={() => props.commit(fresh().filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
        <div className="wp-row-body">
          {item.filter((s) => itemShown(path, s.key, row)).map((s) => (
            <ParamControl
              key={s.key} kind={kind} path={`${path}.${s.key}`} id={`${id}-${index}-${s.key}`}
              label={paramLabel(kind, s.key)} labelSuffix={` of ${noun} ${index + 1}`} spec={s} value={row[s.key]}
              commit={(v) => setRow(index, s.key, v)} current={() => fresh()[index]?.[s.key]} fields={fields}
              problems={atKey(s.key).map((p) => problemText(kind, p.message))}
              {...(s.control === 'field' && path === 'aggregate.aggregations' ? { accepts: (f) => fnAccepts(row['fn'], f.type) } : {})}
              context={{ ...context, problemsBelow: atKey(s.key), jsonPath: `${rowPath}.${s.key}` }}
            />
          ))}
        </div>
        <div className="wp-row-problems">
          {rest.map((p) => <p key={p.message} className="wp-param-error"><span aria-hidden="true" className="wp-param-error-icon" />{sentence(problemText(kind, p.message))}</p>)}
        </div>
      </li>
    );
  });
  const listProblems = context.problemsBelow.filter((p) => !claimed.has(p)).map((p) => problemText(kind, p.message));
  return (
    <ParamFrame control={props} messages={messagesOf({ ...props, problems: listProblems }, null, false)} layout="group" hint={`${rows.length} ${noun}${rows.length === 1 ? '' : 's'}`}>
      <ol className="wp-rows" id={id} aria-describedby={describedBy(id)}>{cards}</ol>
      <button type="button" className="wp-button wp-add-row" onClick={() => props.commit([...fresh(), newRow(path, item, fresh())])}>
        + Add {noun}
      </button>
    </ParamFrame>
  );
}

function objectOf(value: unknown): Row | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : null;
}

/**
 * A nested optional object (a source's retry policy): a checkbox sets it
 * (each of its params then has its own control, left empty for its default)
 * or leaves it out, so the format's default applies. Here, not in a file of
 * its own, because it renders ParamControl as ListEditor does.
 */
function GroupEditor(props: ControlProps & { readonly context: ParamContext }) {
  const { context, spec, kind, path, id, fields, label } = props;
  const item = spec.control === 'group' ? spec.item : [];
  const value = objectOf(props.value);
  const fresh = (): Row => objectOf(props.current()) ?? {};
  const setKey = (key: string, next: unknown): void => {
    const kept = Object.entries(fresh()).filter(([k]) => k !== key);
    props.commit(Object.fromEntries(next === undefined ? kept : [...kept, [key, next]]));
  };
  const atKey = (key: string) => context.problemsBelow.filter((p) => p.path === `${context.jsonPath}.${key}` || p.path.startsWith(`${context.jsonPath}.${key}[`));
  const own = context.problemsBelow.filter((p) => !item.some((s) => atKey(s.key).includes(p))).map((p) => problemText(kind, p.message));
  return (
    <ParamFrame control={props} messages={messagesOf({ ...props, problems: own }, null, false)} layout="group" hint={value === null ? 'default' : 'set'}>
      <label className="wp-param-check" htmlFor={`${id}-set`}>
        <input id={`${id}-set`} type="checkbox" className="wp-checkbox" checked={value !== null} aria-describedby={describedBy(id)} onChange={(e) => props.commit(e.target.checked ? {} : undefined)} />
        <span>Set {label.toLowerCase()}</span>
      </label>
      {value !== null && (
        <div className="wp-group-body" id={id}>
          {item.map((s) => (
            <ParamControl
              key={s.key} kind={kind} path={`${path}.${s.key}`} id={`${id}-${s.key}`}
              label={paramLabel(kind, s.key)} labelSuffix={` of ${label.toLowerCase()}`} spec={s} value={value[s.key]}
              commit={(v) => setKey(s.key, v)} current={() => fresh()[s.key]} fields={fields}
              problems={atKey(s.key).map((p) => problemText(kind, p.message))}
              context={{ ...context, problemsBelow: atKey(s.key), jsonPath: `${context.jsonPath}.${s.key}` }}
            />
          ))}
        </div>
      )}
    </ParamFrame>
  );
}
