import type { ReactNode } from 'react';
import { paramHelp } from '../../help/help';
import { sentence } from '../problemPaths';
import type { ControlProps } from './types';

/** The ids an input points its aria-describedby at. */
export function describedBy(id: string): string {
  return `${id}-help ${id}-messages`;
}

/** The help sentence of a control: the learner's text, else the schema's own description. */
function helpOf(props: ControlProps): string {
  const dot = props.path.indexOf('.', props.kind.length);
  return paramHelp(props.kind, props.path.slice(dot + 1)) || (props.spec.description ?? '');
}

/**
 * The messages a value shows: while the draft is not committed, only what the
 * draft's own check finds; once committed, that check or else the document's
 * problems about it (which also know other params and the fields upstream).
 */
export function messagesOf(props: ControlProps, live: string | null, dirty: boolean): readonly string[] {
  if (live !== null) return [`${props.label} ${live}`];
  return dirty ? [] : props.problems;
}

/**
 * Label, help sentence and messages around one control. `layout` is `field`
 * for an input under its label, `inline` for a checkbox beside it, `group`
 * for a fieldset of several inputs.
 */
export function ParamFrame(props: {
  readonly control: ControlProps;
  readonly messages: readonly string[];
  readonly layout?: 'field' | 'inline' | 'group';
  /** A short hint after the label, such as "e.g. 30s, 5m". */
  readonly hint?: ReactNode;
  readonly children: ReactNode;
}) {
  const { control, messages, layout = 'field', hint, children } = props;
  const { id, label, labelSuffix, spec } = control;
  const name = (
    <>
      {label}
      {labelSuffix !== '' && <span className="visually-hidden">{labelSuffix}</span>}
    </>
  );
  const help = helpOf(control);
  const tail = (
    <>
      {help !== '' && <p className="wp-param-help" id={`${id}-help`}>{help}</p>}
      <div className="wp-param-messages" id={`${id}-messages`} aria-live="polite">
        {messages.map((m) => <p key={m} className="wp-param-error"><span aria-hidden="true" className="wp-param-error-icon" />{sentence(m)}</p>)}
      </div>
    </>
  );
  const invalid = messages.length > 0 ? ' is-invalid' : '';
  if (layout === 'group') {
    return (
      <fieldset className={`wp-param wp-param-group${invalid}`} data-control={spec.control} aria-describedby={describedBy(id)}>
        <legend className="wp-param-label">{name}{spec.required && <Required />}{hint !== undefined && <span className="wp-param-hint">{hint}</span>}</legend>
        {children}
        {tail}
      </fieldset>
    );
  }
  if (layout === 'inline') {
    return (
      <div className={`wp-param wp-param-inline${invalid}`} data-control={spec.control}>
        <label className="wp-param-check" htmlFor={id}>{children}<span className="wp-param-label">{name}</span></label>
        {tail}
      </div>
    );
  }
  return (
    <div className={`wp-param${invalid}`} data-control={spec.control}>
      <div className="wp-param-head">
        <label className="wp-param-label" htmlFor={id}>{name}</label>
        {spec.required && <Required />}
        {hint !== undefined && <span className="wp-param-hint">{hint}</span>}
      </div>
      {children}
      {tail}
    </div>
  );
}

function Required() {
  return <span className="wp-param-required" title="Required">required</span>;
}
