import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../sim/results';
import { useFormat } from './useFormat';

export type VerdictCardProps = { verdict: Verdict };

const TONE: Record<Verdict['code'], string> = {
  'verdict.rollOut': 'go',
  'verdict.pilotFirst': 'wait',
  'verdict.unprofitable': 'stop',
  'verdict.noEffect': 'stop',
};

/** The strategy's verdict in words: what to do, and the figures it rests on (rule in docs/model.md). */
export function VerdictCard({ verdict }: VerdictCardProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const p = verdict.params;
  const key = verdict.code.replace('verdict.', '');
  return (
    <section
      className={`st-verdict st-verdict--${TONE[verdict.code]}`}
      data-testid="verdict"
      data-code={verdict.code}
      aria-label={t('verdict.title')}
      title={t('verdict.rule')}
    >
      <p className="st-verdict__head">{t(`verdict.${key}`)}</p>
      <p className="st-verdict__body">
        {t('verdict.effect', {
          pp: f.pp(p.conversionPp),
          cny: f.cnySigned(p.newMoneyCny),
          roi: f.ratio(p.roi),
          roiP05: f.ratio(p.roiP05),
          roiP95: f.ratio(p.roiP95),
        })}
        {'; '}
        {t('verdict.power', { power: f.probability(p.power) })}
        {p.isUnderpowered ? ` — ${t('verdict.underpowered')}` : ''}
      </p>
    </section>
  );
}
