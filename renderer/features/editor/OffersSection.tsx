import { useTranslation } from 'react-i18next';
import { IncentiveKindSchema, ProductFamilySchema } from '../../../sim/index';
import { Card, ScreenHeader } from '../../components/Card';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { AddEntityButton, EntityActions } from '../authoring/EntityActions';
import { LocalTextField } from '../authoring/LocalTextField';
import { ScenarioNumber, ScenarioSelect } from './fields';
import { SectionGuard } from './SectionGuard';

const FAMILIES = ProductFamilySchema.options;
const INCENTIVE_KINDS = IncentiveKindSchema.options;

type Item = { id?: string; label?: string };

/** KYP: the products on offer and the incentives that sweeten them. */
export function OffersSection() {
  const { t } = useTranslation();
  const text = useLocalText();
  const fmt = useFmt();
  const pct = (n: number) => fmt.pct(n, 2);
  const products = useDocValue('products');
  const incentives = useDocValue('incentives');
  return (
    <div className="screen" data-testid="screen-offers">
      <ScreenHeader title={t('nav.offers')} subtitle={t('offers.subtitle')} />
      <SectionGuard>
        <div className="section-title-row">
          <h3 className="section-title">{t('offers.products')}</h3>
          <AddEntityButton kind="product" />
        </div>
        <div className="card-grid">
          {(Array.isArray(products) ? (products as Item[]) : []).map((p, i) => {
            const base = `products[${i}]`;
            return (
              <Card
                key={p.id ?? i}
                title={text(p.label) || p.id || `#${i + 1}`}
                subtitle={p.id}
                testId={`product-${p.id ?? i}`}
                actions={p.id ? <EntityActions kind="product" id={p.id} canMove /> : undefined}
              >
                <div className="fields">
                  <LocalTextField path={`${base}.label`} label={t('common.label')} wide />
                  <ScenarioSelect
                    path={`${base}.family`}
                    label={t('offers.family')}
                    options={FAMILIES.map((f) => ({ value: f, label: t(`family.${f}`) }))}
                  />
                  <ScenarioNumber path={`${base}.ticket.medianCny`} label={t('offers.ticket')} />
                  <ScenarioNumber
                    path={`${base}.propensity.base`}
                    label={t('offers.propensity')}
                    format={pct}
                  />
                  <ScenarioNumber
                    path={`${base}.newMoneyShare`}
                    label={t('offers.newMoneyShare')}
                    format={pct}
                  />
                  <ScenarioNumber path={`${base}.revenueRate`} label={t('offers.revenueRate')} format={pct} />
                  <ScenarioNumber
                    path={`${base}.organicWeekly`}
                    label={t('offers.organicWeekly')}
                    format={pct}
                  />
                  <ScenarioNumber path={`${base}.holdShare`} label={t('offers.holdShare')} format={pct} />
                </div>
              </Card>
            );
          })}
        </div>
        <div className="section-title-row">
          <h3 className="section-title">{t('offers.incentives')}</h3>
          <AddEntityButton kind="incentive" />
        </div>
        <div className="card-grid">
          {(Array.isArray(incentives) ? (incentives as Item[]) : []).map((p, i) => {
            const base = `incentives[${i}]`;
            return (
              <Card
                key={p.id ?? i}
                title={text(p.label) || p.id || `#${i + 1}`}
                subtitle={p.id}
                testId={`incentive-${p.id ?? i}`}
                actions={p.id ? <EntityActions kind="incentive" id={p.id} canMove /> : undefined}
              >
                <div className="fields">
                  <LocalTextField path={`${base}.label`} label={t('common.label')} wide />
                  <ScenarioSelect
                    path={`${base}.kind`}
                    label={t('offers.incentiveKind')}
                    options={INCENTIVE_KINDS.map((k) => ({ value: k, label: t(`incentiveKind.${k}`) }))}
                  />
                  <ScenarioNumber
                    path={`${base}.costPerRedemptionCny`}
                    label={t('offers.costPerRedemption')}
                  />
                  <ScenarioNumber
                    path={`${base}.responseMultiplier`}
                    label={t('offers.responseMultiplier')}
                  />
                </div>
              </Card>
            );
          })}
        </div>
      </SectionGuard>
    </div>
  );
}
