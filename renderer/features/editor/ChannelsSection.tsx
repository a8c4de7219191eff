import { useTranslation } from 'react-i18next';
import { Card, ScreenHeader } from '../../components/Card';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { AddEntityButton, EntityActions } from '../authoring/EntityActions';
import { LocalTextField } from '../authoring/LocalTextField';
import { CapacityFields } from './CapacityFields';
import { ScenarioNumber, ScenarioSelect } from './fields';
import { SectionGuard } from './SectionGuard';

const WHEELS = ['online', 'remote', 'offline'] as const;
const REACH = ['app', 'sms', 'phone', 'wecom', 'branch'] as const;

type ChannelDoc = { id?: string; label?: string; wheel?: string };

/** KYATO channels: reach, response, cost, capacity and fatigue, grouped by the three wheels. */
export function ChannelsSection() {
  const { t } = useTranslation();
  const text = useLocalText();
  const fmt = useFmt();
  const pct = (n: number) => fmt.pct(n);
  const channels = useDocValue('channels');
  const list = Array.isArray(channels) ? (channels as ChannelDoc[]) : [];
  return (
    <div className="screen" data-testid="screen-channels">
      <ScreenHeader
        title={t('nav.channels')}
        subtitle={t('channels.subtitle')}
        actions={<AddEntityButton kind="channel" />}
      />
      <SectionGuard>
        <div className="card-grid">
          {list.map((c, i) => {
            const base = `channels[${i}]`;
            return (
              <Card
                key={c.id ?? i}
                title={text(c.label) || c.id || `#${i + 1}`}
                subtitle={`${c.id ?? ''} · ${WHEELS.includes(c.wheel as never) ? t(`wheel.${c.wheel}`) : (c.wheel ?? '')}`}
                className={`card--wheel-${c.wheel ?? 'none'}`}
                testId={`channel-${c.id ?? i}`}
                actions={c.id ? <EntityActions kind="channel" id={c.id} canMove /> : undefined}
              >
                <div className="fields">
                  <LocalTextField path={`${base}.label`} label={t('common.label')} wide />
                  <ScenarioSelect
                    path={`${base}.wheel`}
                    label={t('channels.wheel')}
                    options={WHEELS.map((w) => ({ value: w, label: t(`wheel.${w}`) }))}
                  />
                  <ScenarioSelect
                    path={`${base}.reachVia`}
                    label={t('channels.reachVia')}
                    options={REACH.map((r) => ({ value: r, label: t(`reachKind.${r}`) }))}
                  />
                  <ScenarioNumber path={`${base}.reachRate`} label={t('channels.reachRate')} format={pct} />
                  <ScenarioNumber path={`${base}.responseEffect`} label={t('channels.responseEffect')} />
                  <ScenarioNumber path={`${base}.closeRate`} label={t('channels.closeRate')} format={pct} />
                  <ScenarioNumber path={`${base}.costPerAttemptCny`} label={t('channels.cost')} />
                  <ScenarioNumber
                    path={`${base}.staffMinutesPerAttempt`}
                    label={t('channels.staffMinutes')}
                  />
                  <CapacityFields base={base} />
                  <ScenarioNumber
                    path={`${base}.fatigue.perRecentContact`}
                    label={t('channels.fatigue')}
                    format={pct}
                  />
                  <ScenarioNumber path={`${base}.fatigue.windowWeeks`} label={t('channels.fatigueWindow')} />
                  <ScenarioNumber path={`${base}.leadHalfLifeDays`} label={t('channels.leadHalfLife')} />
                </div>
              </Card>
            );
          })}
        </div>
      </SectionGuard>
    </div>
  );
}
