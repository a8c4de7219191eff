import { useTranslation } from 'react-i18next';
import { Card, ScreenHeader } from '../../components/Card';
import { useFmt } from '../../i18n/numbers';
import { LocalTextField } from '../authoring/LocalTextField';
import { ScenarioNumber, ScenarioSelect, ScenarioText } from './fields';
import { SectionGuard } from './SectionGuard';

/** Horizon, calendar, market, economics and Monte Carlo settings (and the scenario's name). */
export function CalendarSection() {
  const { t } = useTranslation();
  const fmt = useFmt();
  return (
    <div className="screen" data-testid="screen-calendar">
      <ScreenHeader title={t('nav.calendar')} subtitle={t('calendar.subtitle')} />
      <SectionGuard>
        <div className="grid-2">
          <Card title={t('calendar.about')}>
            <div className="fields">
              <LocalTextField path="meta.name" label={t('calendar.name')} wide />
              <LocalTextField path="meta.description" label={t('calendar.description')} wide multiline />
            </div>
          </Card>
          <Card title={t('calendar.horizon')}>
            <div className="fields">
              <ScenarioText
                path="calendar.startDate"
                label={t('calendar.startDate')}
                hint={t('calendar.startDateHint')}
              />
              <ScenarioNumber path="calendar.weeks" label={t('calendar.weeks')} hint="1–104" />
              <ScenarioNumber
                path="calendar.market.sdLog"
                label={t('calendar.marketSd')}
                hint={t('calendar.marketSdHint')}
              />
              <ScenarioNumber
                path="calendar.market.aumReturnWeeklyMean"
                label={t('calendar.aumReturnMean')}
              />
              <ScenarioNumber path="calendar.market.aumReturnWeeklySd" label={t('calendar.aumReturnSd')} />
            </div>
          </Card>
          <Card title={t('calendar.economics')}>
            <div className="fields">
              <ScenarioNumber
                path="economics.newMoneyMarginRate"
                label={t('calendar.margin')}
                hint={t('calendar.marginHint')}
                format={(n) => fmt.pct(n, 2)}
              />
              <ScenarioNumber path="economics.valueYears" label={t('calendar.valueYears')} />
            </div>
          </Card>
          <Card title={t('calendar.monteCarlo')} subtitle={t('calendar.monteCarloHint')}>
            <div className="fields">
              <ScenarioNumber
                path="monteCarlo.replications"
                label={t('run.replications')}
                hint="1–1,000,000"
              />
              <ScenarioText path="monteCarlo.seed" label={t('run.seed')} />
              <ScenarioSelect
                path="monteCarlo.sampling"
                label={t('calendar.sampling')}
                options={[
                  { value: 'plain', label: t('calendar.samplingPlain') },
                  { value: 'lhs', label: t('calendar.samplingLhs') },
                ]}
              />
            </div>
          </Card>
        </div>
      </SectionGuard>
    </div>
  );
}
