import type { ReactNode } from 'react';

export type KpiCardProps = {
  name: string;
  label: string;
  value: string;
  /** "90% interval: a – b", or a note why there is none; omitted for figures without one. */
  interval?: string;
  /** The Monte Carlo standard error of the mean, e.g. "± 0.05 Monte Carlo SE of the mean". */
  mcSe?: string;
  /** A second figure, e.g. "Replications with ROI > 1: 91%". */
  sub?: string;
  hint?: string;
  isProvisional: boolean;
  /** Beside the label, e.g. the glossary's ⓘ. */
  info?: ReactNode;
};

/** One headline figure. The test ids are read by e2e tests: keep them stable. */
export function KpiCard({
  name,
  label,
  value,
  interval,
  mcSe,
  sub,
  hint,
  isProvisional,
  info,
}: KpiCardProps) {
  return (
    <section
      className={isProvisional ? 'st-kpi st-kpi--provisional' : 'st-kpi'}
      data-testid={`kpi-${name}`}
      data-provisional={isProvisional || undefined}
      aria-label={label}
      title={hint}
    >
      <h3 className="st-kpi__label">
        {label}
        {info}
      </h3>
      <p className="st-kpi__value" data-testid={`kpi-${name}-value`}>
        {value}
      </p>
      {mcSe ? (
        <p className="st-kpi__se" data-testid={`kpi-${name}-se`}>
          {mcSe}
        </p>
      ) : null}
      {interval ? (
        <p className="st-kpi__interval" data-testid={`kpi-${name}-interval`}>
          {interval}
        </p>
      ) : null}
      {sub ? (
        <p className="st-kpi__sub" data-testid={`kpi-${name}-sub`}>
          {sub}
        </p>
      ) : null}
    </section>
  );
}
