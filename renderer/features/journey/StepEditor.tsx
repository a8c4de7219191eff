import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useLocalText } from '../../i18n/local-text';
import { useActions, useDocValue } from '../../state/hooks';
import { ScenarioNumber, ScenarioSelect, ScenarioText } from '../editor/fields';
import { addStep, renameStep, stepsOf } from './journey-edit';
import { OUTCOMES } from './journey-layout';
import { useStepDeletion } from './useStepDeletion';

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
  const text = useLocalText();
  const { setField } = useActions();
  const journeyPath = `strategies[${strategyIndex}].journey`;
  const journey = useDocValue(journeyPath);
  const start = useDocValue(`${journeyPath}.start`);
  const channels = useDocValue('channels');
  const deletion = useStepDeletion(strategyIndex, onSelectStep);
  const list = stepsOf(journey);
  const step = list[stepIndex];
  if (!step) return null;
  const base = `${journeyPath}.steps[${stepIndex}]`;
  const stepIds = list.map((s) => String(s.id ?? ''));
  // The step itself is a target too (a loop, e.g. retry until reached): the engine caps visits and
  // validation reports a loop that cannot end or has no wait.
  const targets = [
    ...stepIds.map((id) => ({ value: id, label: id === step.id ? t('journey.selfTarget', { id }) : id })),
    { value: 'end', label: t('journey.end') },
  ];
  const channelOptions = (Array.isArray(channels) ? (channels as Named[]) : []).map((c) => ({
    value: String(c.id),
    label: text(c.label) ? `${text(c.label)} (${String(c.id)})` : String(c.id),
  }));
  const onAdd = () => {
    const r = addStep(journey, String(step.channel ?? ''));
    setField(journeyPath, r.journey);
    onSelectStep(r.index);
  };
  const onRemove = () => deletion.request(stepIndex);
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
          <button type="button" className="btn btn--small" onClick={onAdd} data-testid="journey-add-step">
            {t('journey.addStep')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            onClick={onRemove}
            disabled={list.length <= 1}
            data-testid="journey-remove-step"
          >
            {t('journey.removeStep')}
          </button>
        </>
      }
    >
      <div className="fields">
        <ScenarioText
          path={`${base}.id`}
          label={t('journey.stepId')}
          onChange={(id) => setField(journeyPath, renameStep(journey, stepIndex, id), { isTyping: true })}
        />
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
      {deletion.dialog}
    </Card>
  );
}
