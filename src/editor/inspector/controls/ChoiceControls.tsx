import type { Field } from '../../../engine/batch';
import { aggregateFnHelp } from '../../help/help';
import { checkValue } from '../paramSpecs';
import { describedBy, messagesOf, ParamFrame } from './ParamFrame';
import { StringsInput, TextInput } from './TextControls';
import type { ControlProps } from './types';

/** One of the schema's options; a value outside them stays selected, marked, so its problem can be read. */
export function EnumSelect(props: ControlProps) {
  const { spec } = props;
  const options = spec.control === 'enum' ? spec.options : [];
  const current = props.value ?? spec.defaultValue;
  const known = typeof current === 'string' && options.includes(current);
  const messages = messagesOf(props, null, false);
  const isFn = props.path === 'aggregate.aggregations.fn';
  return (
    <ParamFrame control={props} messages={messages}>
      <select
        id={props.id} className="wp-input wp-select" value={current === undefined ? '' : String(current)}
        aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => props.commit(e.target.value === '' ? undefined : e.target.value)}
      >
        {current === undefined && <option value="" disabled>Choose…</option>}
        {!known && current !== undefined && <option value={String(current)}>{String(current)} (not an option)</option>}
        {options.map((o) => (
          <option key={o} value={o} title={isFn ? aggregateFnHelp(o) : undefined}>
            {o}{spec.defaultValue === o ? ' (default)' : ''}
          </option>
        ))}
      </select>
      {isFn && typeof current === 'string' && aggregateFnHelp(current) !== '' && <p className="wp-input-note wp-option-help">{aggregateFnHelp(current)}</p>}
    </ParamFrame>
  );
}

/** True or false, committed on every click. */
export function Checkbox(props: ControlProps) {
  const checked = (props.value ?? props.spec.defaultValue) === true;
  const messages = messagesOf(props, null, false);
  return (
    <ParamFrame control={props} messages={messages} layout="inline">
      <input
        id={props.id} className="wp-checkbox" type="checkbox" checked={checked}
        aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => props.commit(e.target.checked)}
      />
    </ParamFrame>
  );
}

/** A value the format fixes (a sample stream's time field is always ts). */
export function FixedValue(props: ControlProps) {
  const value = props.spec.control === 'fixed' ? props.spec.value : '';
  return (
    <ParamFrame control={props} messages={messagesOf(props, null, false)}>
      <output id={props.id} className="wp-fixed" aria-describedby={describedBy(props.id)}><code>{value}</code><span className="muted"> fixed</span></output>
    </ParamFrame>
  );
}

function typeLabel(field: Field, keys: readonly string[]): string {
  return `${field.type}${keys.includes(field.name) ? ', key' : ''}`;
}

/**
 * A field reaching the node, picked from the propagated schema with its type.
 * Without a known input (no edge yet, a file not loaded) it is a text input.
 */
export function FieldPicker(props: ControlProps) {
  if (props.fields === null) return <TextInput {...props} />;
  const { fields, value, accepts } = props;
  const offered = accepts === undefined ? fields : fields.filter(accepts);
  const current = typeof value === 'string' ? value : '';
  const missing = current !== '' && !fields.some((f) => f.name === current);
  const unsuitable = current !== '' && !missing && !offered.some((f) => f.name === current);
  const messages = messagesOf(props, null, false);
  return (
    <ParamFrame control={props} messages={messages} hint={`${offered.length} of ${fields.length} fields`}>
      <select
        id={props.id} className="wp-input wp-select" value={current}
        aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => props.commit(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="" disabled={props.spec.required}>{offered.length === 0 ? 'No suitable field reaches this node' : 'Choose a field…'}</option>
        {missing && <option value={current}>{current} (not in the input)</option>}
        {unsuitable && <option value={current}>{current} (wrong type)</option>}
        {offered.map((f) => <option key={f.name} value={f.name}>{f.name} · {f.type}</option>)}
      </select>
    </ParamFrame>
  );
}

/**
 * Fields ticked from those reaching the node (a keyBy's key, a chart's
 * series), kept in the order they were ticked in. A ticked field that no
 * longer arrives stays listed, marked, with its problem. Unticking the last
 * of an optional list leaves the param out, so its default applies. Without
 * a known input, comma-separated text.
 */
export function KeyFieldsPicker(props: ControlProps & { readonly keyNames: readonly string[]; readonly defaultNames: readonly string[] }) {
  const chosen = Array.isArray(props.value) ? props.value.filter((v): v is string => typeof v === 'string') : [];
  const live = props.value === undefined && !props.spec.required ? null : checkValue(props.spec, chosen);
  const messages = props.problems.length > 0 ? props.problems : live === null ? [] : [`${props.label} ${live}`];
  if (props.fields === null) return <StringsInput {...props} />;
  const fields = props.fields;
  const strays = chosen.filter((name) => !fields.some((f) => f.name === name));
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((n) => n !== name);
    props.commit(next.length === 0 && !props.spec.required ? undefined : next);
  };
  const unset = props.spec.required ? 'none yet' : `default: ${props.defaultNames.length === 0 ? 'one series' : props.defaultNames.join(', ')}`;
  return (
    <ParamFrame control={props} messages={messages} layout="group" hint={chosen.length === 0 ? unset : `${props.path === 'transform.keyBy.fields' ? 'key' : 'by'}: ${chosen.join(', ')}`}>
      <div className="wp-checklist" id={props.id}>
        {fields.length === 0 && <p className="muted">No fields reach this node.</p>}
        {[...fields.map((f) => ({ name: f.name, type: typeLabel(f, props.keyNames) })), ...strays.map((name) => ({ name, type: 'not in the input' }))].map(({ name, type }, i) => (
          <label key={name} className={`wp-check-row${strays.includes(name) ? ' is-stray' : ''}`} htmlFor={`${props.id}-${i}`}>
            <input id={`${props.id}-${i}`} type="checkbox" className="wp-checkbox" checked={chosen.includes(name)} aria-invalid={strays.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
            <span className="wp-field-name">{name}</span>
            <span className="wp-field-type">{type}</span>
            {chosen.includes(name) && <span className="wp-key-order" aria-label={`position ${chosen.indexOf(name) + 1}`}>{chosen.indexOf(name) + 1}</span>}
          </label>
        ))}
      </div>
    </ParamFrame>
  );
}
