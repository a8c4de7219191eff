import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { useActions, useDocValue, useFieldIssues } from '../../state/hooks';
import { fieldId, ScenarioNumber, ScenarioSelect } from './fields';

const EVENTS = ['payroll', 'wmp_maturity', 'large_inflow'] as const;
const DEFAULTS: Record<string, object> = {
  batch: { type: 'batch', week: 0 },
  event: { type: 'event', event: 'payroll', delayDays: 1 },
  sequence: { type: 'sequence', did: 'wmp_maturity', notDid: 'purchase', withinDays: 14 },
};

/** When a strategy fires: a batch week, an event (with a reaction delay), or an event not followed up. */
export function TriggerFields({ base }: { base: string }) {
  const { t } = useTranslation();
  const path = `${base}.trigger`;
  const trigger = useDocValue(path) as { type?: string } | undefined;
  const errors = useFieldIssues(`${path}.type`);
  const { setField } = useActions();
  const type = trigger?.type ?? '';
  const id = fieldId(`${path}.type`);
  const events = EVENTS.map((e) => ({ value: e, label: t(`event.${e}`) }));
  return (
    <>
      <FieldShell id={id} label={t('strategies.trigger')} errors={errors}>
        <select
          id={id}
          data-testid={id}
          className="input input--select"
          value={type}
          onChange={(e) => setField(path, DEFAULTS[e.target.value])}
        >
          {Object.keys(DEFAULTS).map((k) => (
            <option key={k} value={k}>
              {t(`triggerType.${k}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      {type === 'batch' ? <ScenarioNumber path={`${path}.week`} label={t('strategies.batchWeek')} /> : null}
      {type === 'event' ? (
        <>
          <ScenarioSelect path={`${path}.event`} label={t('strategies.event')} options={events} />
          <ScenarioNumber path={`${path}.delayDays`} label={t('strategies.delayDays')} />
        </>
      ) : null}
      {type === 'sequence' ? (
        <>
          <ScenarioSelect path={`${path}.did`} label={t('strategies.did')} options={events} />
          <ScenarioSelect
            path={`${path}.notDid`}
            label={t('strategies.notDid')}
            options={[
              { value: 'purchase', label: t('strategies.notDidPurchase') },
              { value: 'app_login', label: t('strategies.notDidLogin') },
            ]}
          />
          <ScenarioNumber path={`${path}.withinDays`} label={t('strategies.withinDays')} />
        </>
      ) : null}
    </>
  );
}
