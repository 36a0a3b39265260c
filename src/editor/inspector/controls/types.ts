import type { Field } from '../../../engine/batch';
import type { ParamSpec } from '../paramSpecs';

/** Everything a control needs to show and edit one param (or one value of a list row). */
export interface ControlProps {
  readonly kind: string;
  /** `kind.param`, or `kind.list.key` inside a list: what help and special cases are keyed by. */
  readonly path: string;
  /** The DOM id of the input; help and messages hang off it. */
  readonly id: string;
  readonly label: string;
  /** Read by screen readers after the label, so rows' inputs have names of their own: " of aggregation 2". */
  readonly labelSuffix: string;
  readonly spec: ParamSpec;
  readonly value: unknown;
  /** Writes the value to the document (undefined leaves the param out, so its default applies). */
  readonly commit: (value: unknown) => void;
  /** The value the document holds now, for edits built on it (a list row changed after another). */
  readonly current: () => unknown;
  /** The fields reaching the node, or null when nothing known reaches it. */
  readonly fields: readonly Field[] | null;
  /** The document's problems about this value, ready to read. */
  readonly problems: readonly string[];
  /** Which fields a field picker offers (an aggregation's function narrows it). */
  readonly accepts?: (field: Field) => boolean;
}
