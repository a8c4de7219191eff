import { type ReactNode, useEffect, useId, useRef } from 'react';

export type DialogProps = {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose(): void;
  testId?: string;
  tone?: 'default' | 'error';
  /** 'wide' for galleries and lists that need the room. */
  size?: 'default' | 'wide';
};

/** A modal dialog; Escape closes it and focus moves into it when it opens. */
export function Dialog({
  title,
  children,
  actions,
  onClose,
  testId,
  tone = 'default',
  size = 'default',
}: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog dialog--${tone} dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        <div className="dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
