import type { ReactNode } from 'react';

export type CardProps = {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
};

export function Card({ title, subtitle, actions, children, className, testId }: CardProps) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} data-testid={testId} aria-label={title}>
      <header className="card__header">
        <div>
          <h3 className="card__title">{title}</h3>
          {subtitle ? <p className="card__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}

export function ScreenHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="screen__header">
      <div>
        <h2 className="screen__title">{title}</h2>
        {subtitle ? <p className="screen__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="screen__actions">{actions}</div> : null}
    </header>
  );
}
