import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useActions, useDocValue } from '../../state/hooks';
import { ScenarioNumber, ScenarioSelect, ScenarioText } from '../editor/fields';
import { OUTCOMES, type StepDoc } from './journey-layout';

type Named = { id?: unknown; label?: unknown };

/** The selected journey step: channel, wait and where each outcome goes. */
export function StepEditor({
  strategyIndex,
  stepIndex,
  onSelectStep,
}: {
  strategyIndex: number;
  stepIndex: number;
  onSelectStep(i: number): void;
}) {
  const { t } = useTranslation();
  const { setField } = useActions();
  const journeyPath = `strategies[${strategyIndex}].journey`;
  const steps = useDocValue(`${journeyPath}.steps`);
  const start = useDocValue(`${journeyPath}.start`);
  const channels = useDocValue('channels');
  const list = Array.isArray(steps) ? (steps as StepDoc[]) : [];
  const step = list[stepIndex];
  if (!step) return null;
  const base = `${journeyPath}.steps[${stepIndex}]`;
  const stepIds = list.map((s) => String(s.id ?? ''));
  const targets = [
    ...stepIds.filter((id) => id !== step.id).map((id) => ({ value: id, label: id })),
    { value: 'end', label: t('journey.end') },
  ];
  const channelOptions = (Array.isArray(channels) ? (channels as Named[]) : []).map((c) => ({
    value: String(c.id),
    label: c.label ? `${String(c.label)} (${String(c.id)})` : String(c.id),
  }));
  const addStep = () => {
    let n = list.length + 1;
    while (stepIds.includes(`step_${n}`)) n++;
    setField(`${journeyPath}.steps`, [...list, { id: `step_${n}`, channel: step.channel, waitDays: 1 }]);
    onSelectStep(list.length);
  };
  const removeStep = () => {
    const next = list.filter((_, i) => i !== stepIndex);
    setField(`${journeyPath}.steps`, next);
    if (start === step.id && next[0]) setField(`${journeyPath}.start`, next[0].id);
    onSelectStep(Math.max(0, stepIndex - 1));
  };
  return (
    <Card
      title={t('journey.stepTitle', { id: String(step.id ?? '') })}
      testId="step-editor"
      actions={
        <>
          <button
            type="button"
            className="btn btn--small"
            disabled={start === step.id}
            onClick={() => setField(`${journeyPath}.start`, step.id)}
          >
            {t('journey.makeStart')}
          </button>
          <button type="button" className="btn btn--small" onClick={addStep} data-testid="journey-add-step">
            {t('journey.addStep')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            onClick={removeStep}
            disabled={list.length <= 1}
            data-testid="journey-remove-step"
          >
            {t('journey.removeStep')}
          </button>
        </>
      }
    >
      <div className="fields">
        <ScenarioText path={`${base}.id`} label={t('journey.stepId')} />
        <ScenarioSelect path={`${base}.channel`} label={t('journey.channel')} options={channelOptions} />
        <ScenarioNumber path={`${base}.waitDays`} label={t('journey.waitDays')} />
        {OUTCOMES.map(({ key, kind }) => (
          <ScenarioSelect
            key={key}
            path={`${base}.${key}`}
            label={t(`journey.outcome.${kind}`)}
            options={targets}
            emptyLabel={key === 'onInterested' ? t('journey.closeHere') : undefined}
          />
        ))}
      </div>
    </Card>
  );
}
