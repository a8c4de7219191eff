import { useTranslation } from 'react-i18next';
import { Card, ScreenHeader } from '../../components/Card';
import { useFmt } from '../../i18n/numbers';
import { BandsCard } from './BandsCard';
import { ScenarioNumber } from './fields';
import { GroupShares } from './GroupShares';
import { PopulationPreviewPanel } from './PopulationPreviewPanel';
import { SectionGuard } from './SectionGuard';

const REACH = ['app', 'sms', 'phone', 'wecom', 'branch'] as const;

/** KYC: who the customers are, with a live preview of the synthetic population. */
export function PopulationSection() {
  const { t } = useTranslation();
  const fmt = useFmt();
  const pct = (n: number) => fmt.pct(n);
  return (
    <div className="screen" data-testid="screen-population">
      <ScreenHeader title={t('nav.population')} subtitle={t('population.subtitle')} />
      <SectionGuard>
        <div className="split">
          <div className="split__main">
            <Card title={t('population.base')}>
              <div className="fields">
                <ScenarioNumber
                  path="population.size"
                  label={t('population.size')}
                  hint="100–5,000,000"
                  format={fmt.int}
                />
                <ScenarioNumber path="population.branches.count" label={t('population.branches')} />
                <ScenarioNumber path="population.branches.sizeCv" label={t('population.sizeCv')} />
                <ScenarioNumber path="population.branches.effectSd" label={t('population.effectSd')} />
                <ScenarioNumber
                  path="population.branches.wealthManagersPer10k"
                  label={t('population.wmPer10k')}
                />
                <ScenarioNumber
                  path="population.branches.remoteAgentsPer10k"
                  label={t('population.raPer10k')}
                />
              </div>
            </Card>
            <Card title={t('population.aum')} subtitle={t('population.aumHint')}>
              <div className="fields">
                <ScenarioNumber
                  path="population.aum.longTailThresholdCny"
                  label={t('population.longTailThreshold')}
                  format={fmt.cny}
                />
                <ScenarioNumber
                  path="population.aum.longTailShare"
                  label={t('population.longTailShare')}
                  format={pct}
                />
                <ScenarioNumber
                  path="population.aum.concentration.topShare"
                  label={t('population.topShare')}
                  format={pct}
                />
                <ScenarioNumber
                  path="population.aum.concentration.holdsShare"
                  label={t('population.holdsShare')}
                  format={pct}
                />
              </div>
            </Card>
            <BandsCard kind="tier" />
            <BandsCard kind="wealthLevel" />
            <div className="grid-2">
              <Card title={t('population.lifeStages')}>
                <GroupShares path="population.lifeStages" />
              </Card>
              <Card title={t('population.occupations')}>
                <GroupShares path="population.occupations" />
              </Card>
            </div>
            <Card title={t('population.reach')} subtitle={t('population.reachHint')}>
              <div className="fields">
                <ScenarioNumber
                  path="population.app.monthlyActiveShare"
                  label={t('population.mau')}
                  format={pct}
                />
                {REACH.map((k) => (
                  <ScenarioNumber
                    key={k}
                    path={`population.reachability.${k}.base`}
                    label={t(`reachKind.${k}`)}
                    format={pct}
                  />
                ))}
              </div>
            </Card>
          </div>
          <PopulationPreviewPanel />
        </div>
      </SectionGuard>
    </div>
  );
}
