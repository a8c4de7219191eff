import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSweepRange, type Scenario, type SweepAxis, sweepValues } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useAppState } from '../../state/hooks';
import { ParamPicker } from '../compare/ParamPicker';
import { paramChoices } from '../compare/param-choices';
import '../compare/compare.css';
import { type AxisSpec, sensitivityStore } from './sensitivity-store';

export const DEFAULT_SWEEP_STEPS = 5;

/** The range an axis sweeps: its own numbers, else the parameter's default (ledger range, else ±20%). */
export function axisRange(scenario: Scenario, a: AxisSpec): { from: number; to: number } {
  const d = defaultSweepRange(scenario, a.param);
  return { from: a.from ?? d.from, to: a.to ?? d.to };
}

function AxisFields({
  which,
  axis,
  scenario,
  isLocked,
}: {
  which: 'x' | 'y';
  axis: AxisSpec | null;
  scenario: Scenario;
  isLocked: boolean;
}) {
  const { t, i18n } = useTranslation('sensitivity');
  const doc = useAppState((s) => s.doc);
  const choices = useMemo(
    () => paramChoices(doc, i18n.language).filter((c) => typeof c.value === 'number'),
    [doc, i18n.language],
  );
  const key = which === 'x' ? 'sweepX' : 'sweepY';
  const patch = (p: Partial<AxisSpec>) => {
    if (axis) sensitivityStore.setState({ [key]: { ...axis, ...p } });
  };
  const range = axis?.param ? axisRange(scenario, { ...axis, from: null, to: null }) : null;
  const num = (v: number | string | undefined) => (typeof v === 'number' ? v : null);
  return (
    <fieldset className="sweep-axis" data-testid={`sweep-axis-${which}`}>
      <legend>{t(`sweep.axis.${which}`)}</legend>
      <ParamPicker
        id={`sweep-${which}`}
        choices={choices}
        doc={doc}
        path={axis?.param ?? ''}
        isLocked={isLocked}
        isInitiallyOpen={false}
        onPick={(param) =>
          sensitivityStore.setState({
            [key]: { param, from: null, to: null, steps: axis?.steps ?? DEFAULT_SWEEP_STEPS },
          })
        }
      />
      {axis && range ? (
        <div className="sweep-axis__range">
          <FieldShell id={`sweep-${which}-from`} label={t('sweep.from')}>
            <NumberInput
              id={`sweep-${which}-from`}
              testId={`sweep-${which}-from`}
              value={axis.from ?? undefined}
              placeholder={String(Number(range.from.toPrecision(4)))}
              disabled={isLocked}
              onChange={(v) => patch({ from: num(v) })}
            />
          </FieldShell>
          <FieldShell id={`sweep-${which}-to`} label={t('sweep.to')}>
            <NumberInput
              id={`sweep-${which}-to`}
              testId={`sweep-${which}-to`}
              value={axis.to ?? undefined}
              placeholder={String(Number(range.to.toPrecision(4)))}
              disabled={isLocked}
              onChange={(v) => patch({ to: num(v) })}
            />
          </FieldShell>
          <FieldShell id={`sweep-${which}-steps`} label={t('sweep.steps')}>
            <NumberInput
              id={`sweep-${which}-steps`}
              testId={`sweep-${which}-steps`}
              value={axis.steps}
              disabled={isLocked}
              onChange={(v) =>
                patch({
                  steps:
                    typeof v === 'number' ? Math.max(2, Math.min(25, Math.round(v))) : DEFAULT_SWEEP_STEPS,
                })
              }
            />
          </FieldShell>
          {which === 'y' ? (
            <button
              type="button"
              className="btn btn--small"
              disabled={isLocked}
              onClick={() => sensitivityStore.setState({ sweepY: null })}
            >
              {t('sweep.removeY')}
            </button>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

/** The sweep's parameters: x, and optionally y for a two-way grid. */
export function SweepForm({
  scenario,
  sweepX,
  sweepY,
  isLocked,
}: {
  scenario: Scenario;
  sweepX: AxisSpec | null;
  sweepY: AxisSpec | null;
  isLocked: boolean;
}) {
  const { t } = useTranslation('sensitivity');
  const addY = () =>
    sensitivityStore.setState({ sweepY: { param: '', from: null, to: null, steps: DEFAULT_SWEEP_STEPS } });
  return (
    <div className="sweep-form no-print">
      <AxisFields which="x" axis={sweepX} scenario={scenario} isLocked={isLocked} />
      {sweepY ? <AxisFields which="y" axis={sweepY} scenario={scenario} isLocked={isLocked} /> : null}
      {sweepX && !sweepY ? (
        <button type="button" className="btn" data-testid="sweep-add-y" disabled={isLocked} onClick={addY}>
          + {t('sweep.addY')}
        </button>
      ) : null}
    </div>
  );
}

/** The axes a sweep will run, or why it cannot ('needX': no parameter yet; 'badRange': From ≥ To). */
export function sweepAxes(
  scenario: Scenario | null,
  x: AxisSpec | null,
  y: AxisSpec | null,
): { axes: SweepAxis[]; problem: 'needX' | 'badRange' | null } {
  const specs = [x, y].filter((a): a is AxisSpec => a !== null && a.param !== '');
  if (!scenario || !x?.param) return { axes: [], problem: 'needX' };
  const axes: SweepAxis[] = [];
  for (const a of specs) {
    const r = axisRange(scenario, a);
    if (!(r.from < r.to)) return { axes: [], problem: 'badRange' };
    axes.push({ param: a.param, values: sweepValues(r.from, r.to, a.steps) });
  }
  return { axes, problem: null };
}
