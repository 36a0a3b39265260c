import type { KeyboardEvent } from 'react';
import { formatDuration, parseDuration } from '../../../model';
import { checkValue } from '../paramSpecs';
import { useDraft } from '../useDraft';
import { describedBy, messagesOf, ParamFrame } from './ParamFrame';
import type { ControlProps } from './types';

/** Enter commits at once instead of waiting for the pause. */
function commitOnEnter(flush: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') flush();
  };
}

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function placeholderOf(props: ControlProps): string | undefined {
  const d = props.spec.defaultValue;
  return d === undefined ? undefined : `${String(d)} (default)`;
}

/** Empty text leaves an optional param out (its default applies); a required one keeps '' so its problem shows. */
function fromText(props: ControlProps, text: string): unknown {
  return text === '' && !props.spec.required ? undefined : text;
}

/** A duration such as 30s or 5m, checked as it is typed. */
export function DurationInput(props: ControlProps) {
  const { draft, change, flush, dirty } = useDraft(textOf(props.value), (text) => props.commit(fromText(props, text)));
  const value = fromText(props, draft);
  const live = checkValue(props.spec, value);
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  const normal = ms === null ? null : formatDuration(ms);
  const messages = messagesOf(props, live, dirty);
  return (
    <ParamFrame control={props} messages={messages} hint="e.g. 30s, 5m">
      <div className="wp-input-with-note">
        <input
          id={props.id} className="wp-input wp-input-mono" type="text" inputMode="text" autoComplete="off" spellCheck={false}
          value={draft} placeholder={placeholderOf(props)} aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
          onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={commitOnEnter(flush)}
        />
        {live === null && normal !== null && normal !== draft && <span className="wp-input-note">= {normal}</span>}
      </div>
    </ParamFrame>
  );
}

/** What a number's bounds allow, compactly: "whole, ≥ 1", "0 < x < 1". */
function rangeText(props: ControlProps): string | undefined {
  const spec = props.spec;
  if (spec.control !== 'number') return undefined;
  const { min, max } = spec;
  const whole = spec.integer ? 'whole' : '';
  const below = (b: NonNullable<typeof min>) => `${b.value} ${b.inclusive ? '≤' : '<'}`;
  const above = (b: NonNullable<typeof max>) => `${b.inclusive ? '≤' : '<'} ${b.value}`;
  let range = '';
  if (min !== null && max !== null) range = `${below(min)} x ${above(max)}`;
  else if (min !== null) range = `${min.inclusive ? '≥' : '>'} ${min.value}`;
  else if (max !== null) range = above(max);
  const text = [whole, range].filter((t) => t !== '').join(', ');
  return text === '' ? undefined : text;
}

/** A number within the schema's bounds; what does not parse is kept as typed so its problem shows. */
export function NumberInput(props: ControlProps) {
  const spec = props.spec;
  const toValue = (text: string): unknown => {
    if (text.trim() === '') return undefined;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  };
  const { draft, change, flush, dirty } = useDraft(textOf(props.value), (text) => props.commit(toValue(text)));
  const live = checkValue(spec, toValue(draft));
  const messages = messagesOf(props, live, dirty);
  const bounds = spec.control === 'number' ? spec : null;
  return (
    <ParamFrame control={props} messages={messages} hint={rangeText(props)}>
      <input
        id={props.id} className="wp-input wp-input-number" type="number" autoComplete="off"
        min={bounds?.min?.value} max={bounds?.max?.value} step={bounds?.integer === true ? 1 : 'any'}
        value={draft} placeholder={placeholderOf(props)} aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={commitOnEnter(flush)}
      />
    </ParamFrame>
  );
}

/** Plain text. */
export function TextInput(props: ControlProps) {
  const { draft, change, flush, dirty } = useDraft(textOf(props.value), (text) => props.commit(fromText(props, text)));
  const live = checkValue(props.spec, fromText(props, draft));
  const messages = messagesOf(props, live, dirty);
  return (
    <ParamFrame control={props} messages={messages}>
      <input
        id={props.id} className="wp-input" type="text" autoComplete="off" spellCheck={false}
        value={draft} placeholder={placeholderOf(props)} aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={commitOnEnter(flush)}
      />
    </ParamFrame>
  );
}

/** A list of strings as comma-separated text, for list params no picker knows. */
export function StringsInput(props: ControlProps) {
  const toList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const { draft, change, flush, dirty } = useDraft(Array.isArray(props.value) ? props.value.join(', ') : textOf(props.value), (text) => props.commit(toList(text)));
  const live = checkValue(props.spec, toList(draft));
  const messages = messagesOf(props, live, dirty);
  return (
    <ParamFrame control={props} messages={messages} hint="comma-separated">
      <input
        id={props.id} className="wp-input" type="text" autoComplete="off" spellCheck={false}
        value={draft} aria-invalid={messages.length > 0} aria-describedby={describedBy(props.id)}
        onChange={(e) => change(e.target.value)} onBlur={flush} onKeyDown={commitOnEnter(flush)}
      />
    </ParamFrame>
  );
}
