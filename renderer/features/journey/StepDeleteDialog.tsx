import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useActions, useDocValue } from '../../state/hooks';
import { incomingRoutes, removeStep, routeKey, skipTarget, stepsOf } from './journey-edit';
import { OUTCOMES } from './journey-layout';

const KIND = Object.fromEntries(OUTCOMES.map((o) => [o.key, o.kind]));

type Props = { strategyIndex: number; stepIndex: number; onDone(selected: number | null): void };

/**
 * Deleting a journey step: every route that led to it is listed with where it will go instead
 * (by default, wherever the step sent customers it could not reach), never changed silently.
 */
export function StepDeleteDialog({ strategyIndex, stepIndex, onDone }: Props) {
  const { t } = useTranslation(['authoring', 'translation']);
  const { setField } = useActions();
  const path = `strategies[${strategyIndex}].journey`;
  const journey = useDocValue(path);
  const steps = stepsOf(journey);
  const goneId = String(steps[stepIndex]?.id ?? '');
  const routes = incomingRoutes(journey, stepIndex);
  const fallback = skipTarget(journey, stepIndex);
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(routes.map((r) => [routeKey(r), fallback])),
  );
  const targets = [
    ...steps.filter((_, i) => i !== stepIndex).map((s) => ({ value: String(s.id), label: String(s.id) })),
    { value: 'end', label: t('translation:journey.end') },
  ];
  const confirm = () => {
    const r = removeStep(journey, stepIndex, choice);
    if (r) setField(path, r.journey);
    onDone(r ? r.selected : null);
  };
  return (
    <Dialog
      title={t('stepDelete.title', { id: goneId })}
      onClose={() => onDone(null)}
      testId="step-delete-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={() => onDone(null)} data-testid="step-delete-cancel">
            {t('delete.cancel')}
          </button>
          <button
            type="button"
            className="btn btn--danger"
            onClick={confirm}
            data-testid="step-delete-confirm"
          >
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      <p>{t('stepDelete.routes', { count: routes.length, id: goneId })}</p>
      <ul className="route-list" data-testid="step-delete-routes">
        {routes.map((r) => {
          const k = routeKey(r);
          return (
            <li key={k}>
              <label>
                <span className="route-list__from">
                  <code>{r.stepId}</code> · {t(`translation:journey.outcome.${KIND[r.key]}`)}
                </span>
                <select
                  value={choice[k]}
                  onChange={(e) => setChoice({ ...choice, [k]: e.target.value })}
                  data-testid={`step-delete-route-${r.stepId}-${r.key}`}
                >
                  {targets.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('delete.undoHint')}</p>
    </Dialog>
  );
}
