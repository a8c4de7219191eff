import { verdictDetail, verdictHead } from '../../../messages/index';
import type { Verdict } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { InfoButton } from '../teaching/InfoButton';
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
  const { t } = useMessages();
  const f = useFormat();
  const detail = verdictDetail(verdict, t, {
    pp: (x) => f.pp(x),
    cny: f.cnySigned,
    ratio: f.ratio,
    probability: f.probability,
  });
  return (
    <section
      className={`st-verdict st-verdict--${TONE[verdict.code]}`}
      data-testid="verdict"
      data-code={verdict.code}
      aria-label={t('verdict.title')}
      title={t('verdict.rule')}
    >
      <p className="st-verdict__head">
        {verdictHead(verdict, t)}
        <InfoButton path="output.verdict" />
      </p>
      <p className="st-verdict__body">
        {detail.effect}; {detail.power}
      </p>
    </section>
  );
}
