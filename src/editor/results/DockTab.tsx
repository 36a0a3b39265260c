import { KindIcon } from '../canvas/KindIcon';
import type { ViewedSinkKind } from './sinkViews';

/** The problems, the preview, or the node kind of a sink whose view the tab shows. */
type TabIcon = 'problems' | 'preview' | 'timeline' | ViewedSinkKind;

function Icon({ icon }: { icon: TabIcon }) {
  if (icon !== 'problems' && icon !== 'preview' && icon !== 'timeline') return <KindIcon kind={icon} size={14} />;
  if (icon === 'timeline') {
    return <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 20h18M7 4v16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /><circle cx="12" cy="8" r="1.8" fill="currentColor" /><circle cx="17" cy="12" r="1.8" fill="currentColor" /><path d="M10 15h8" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" /></svg>;
  }
  if (icon === 'preview') {
    return <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" fill="none" stroke="currentColor" strokeWidth="2" /><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="2" /></svg>;
  }
  return <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3 2 20h20L12 3Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" /><path d="M12 10v4M12 17h.01" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>;
}

/** One tab of the results dock. */
export function DockTab({ id, label, icon, active, panel, alert = false, count, countLabel, onChoose }: {
  id: string;
  label: string;
  icon: TabIcon;
  active: boolean;
  panel: string;
  alert?: boolean;
  /** A number worth a glance (open alerts), shown as a badge when above zero; `countLabel` says what it counts. */
  count?: number;
  countLabel?: string;
  onChoose: () => void;
}) {
  return (
    <button
      type="button"
      role="tab"
      id={`wp-dock-tab-${id.replace(/[^\w-]/g, '_')}`}
      className="wp-dock-tab"
      aria-selected={active}
      aria-controls={panel}
      tabIndex={active ? 0 : -1}
      onClick={onChoose}
      title={label}
    >
      <Icon icon={icon} />
      <span className="wp-dock-tab-label">{label}</span>
      {alert && <span className="wp-dock-tab-alert" aria-label="has problems" />}
      {count !== undefined && count > 0 && <span className="wp-dock-tab-count" data-testid="dock-tab-count" aria-label={`${count} ${countLabel ?? ''}`.trim()}>{count}</span>}
    </button>
  );
}
