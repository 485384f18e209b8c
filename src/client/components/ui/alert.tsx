import type { ReactNode, Ref } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'danger';

type AlertProps = {
  tone: Tone;
  title: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts screen readers; use it for errors that follow an action. */
  role?: 'alert' | 'status' | 'none';
  id?: string;
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
  className?: string;
};

const ICONS: Record<Tone, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger' };

export function Alert({ tone, title, children, role, id, ref, tabIndex, className }: AlertProps) {
  const liveRole = role ?? (tone === 'danger' ? 'alert' : 'status');
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={tabIndex}
      className={`kern-alert kern-alert--${tone} ${className ?? ''}`.trim()}
      role={liveRole === 'none' ? undefined : liveRole}
    >
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${ICONS[tone]}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** A success message after an action; `key` changes with every message so it is announced again. */
export type Notice = { text: string; key: number };

/**
 * The live region for success messages: always rendered (screen readers only announce changes
 * inside a region that already exists), holding the latest notice, if any.
 */
export function SuccessNotice({ notice }: { notice: Notice | null }) {
  return (
    <div role="status">{notice ? <Alert key={notice.key} tone="success" title={notice.text} role="none" /> : null}</div>
  );
}
