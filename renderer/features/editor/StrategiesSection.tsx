import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWithin } from '../../../sim/index';
import { Card, ScreenHeader } from '../../components/Card';
import { useLocalText } from '../../i18n/local-text';
import { useActions, useAppState, useDocValue, useShallowState } from '../../state/hooks';
import { AddEntityButton } from '../authoring/EntityActions';
import { StrategyIdBar } from '../authoring/StrategyIdBar';
import { JourneyCanvas } from '../journey/JourneyCanvas';
import { StepEditor } from '../journey/StepEditor';
import { AddFromLibraryButton } from '../library/AddFromLibraryButton';
import { ScenarioNumber } from './fields';
import { SectionGuard } from './SectionGuard';
import { StrategyForm } from './StrategyForm';

type StrategyDoc = { id?: string; label?: string };

/** KYATO: strategies (use cases), their journeys across channels, and the contact policy. */
export function StrategiesSection() {
  const { t } = useTranslation();
  const text = useLocalText();
  const strategies = useDocValue('strategies');
  const list = Array.isArray(strategies) ? (strategies as StrategyDoc[]) : [];
  const selected = Math.min(
    useAppState((s) => s.selectedStrategy),
    Math.max(0, list.length - 1),
  );
  const { selectStrategy } = useActions();
  const [step, setStep] = useState(0);
  const errorCounts = useShallowState((s) =>
    list.map((_, i) => s.issues.filter((iss) => isWithin(iss.path, `strategies[${i}]`)).length),
  );
  return (
    <div className="screen" data-testid="screen-strategies">
      <ScreenHeader
        title={t('nav.strategies')}
        subtitle={t('strategies.subtitle')}
        actions={
          <>
            <AddEntityButton kind="strategy" onAdded={selectStrategy} />
            <AddFromLibraryButton />
          </>
        }
      />
      <SectionGuard>
        <div className="tabs" role="tablist" aria-label={t('strategies.list')}>
          {list.map((s, i) => (
            <button
              key={s.id ?? i}
              type="button"
              role="tab"
              aria-selected={i === selected}
              className={`tab${i === selected ? ' tab--active' : ''}`}
              data-testid={`strategy-tab-${s.id ?? i}`}
              onClick={() => {
                selectStrategy(i);
                setStep(0);
              }}
            >
              {text(s.label) || s.id || `#${i + 1}`}
              {errorCounts[i] ? <span className="badge badge--error">{errorCounts[i]}</span> : null}
            </button>
          ))}
        </div>
        {list.length > 0 ? (
          <div role="tabpanel" className="stack">
            {list[selected]?.id ? (
              <StrategyIdBar
                id={list[selected].id as string}
                onSelect={(i) => {
                  selectStrategy(i);
                  setStep(0);
                }}
              />
            ) : null}
            <StrategyForm index={selected} />
            <Card title={t('journey.title')} subtitle={t('journey.subtitle')}>
              <JourneyCanvas strategyIndex={selected} selectedStep={step} onSelectStep={setStep} />
            </Card>
            <StepEditor strategyIndex={selected} stepIndex={step} onSelectStep={setStep} />
          </div>
        ) : null}
        <Card title={t('strategies.contactPolicy')} subtitle={t('strategies.contactPolicyHint')}>
          <div className="fields">
            <ScenarioNumber path="contactPolicy.maxContactsPerWeek" label={t('strategies.maxPerWeek')} />
            <ScenarioNumber path="contactPolicy.maxContactsPer4Weeks" label={t('strategies.maxPer4Weeks')} />
          </div>
        </Card>
      </SectionGuard>
    </div>
  );
}
