import { useTranslation } from 'react-i18next';
import type { Challenge, ClassBoard } from '../../../sim/index';
import { num } from './board-format';

const W = 640;
const ROW = 22;
const PAD = { left: 120, right: 20, top: 24, bottom: 28 };

/** The answers against the truth: each learner's interval (or choice), the truth, the naive gap. */
export function DistributionPlot({ challenge, board }: { challenge: Challenge; board: ClassBoard }) {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const truth = board.truth;
  if (truth.kind !== 'estimate' || challenge.task.kind !== 'estimate') return <ChoiceBars board={board} />;
  const naive = challenge.naiveGapPp[challenge.task.strategy];
  const xs = board.rows.flatMap((r) => (r.answer.kind === 'estimate' ? [r.answer.low, r.answer.high] : []));
  const lo = Math.min(truth.value, ...xs, naive ?? truth.value);
  const hi = Math.max(truth.value, ...xs, naive ?? truth.value);
  const span = hi - lo || 1;
  const x = (v: number) => PAD.left + ((v - lo + span * 0.05) / (span * 1.1)) * (W - PAD.left - PAD.right);
  const H = PAD.top + PAD.bottom + ROW * board.rows.length;
  return (
    <figure className="board-plot" data-testid="board-plot">
      <figcaption>{t('board.plotTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('board.plotTitle')}>
        {board.rows.map((r, i) =>
          r.answer.kind === 'estimate' ? (
            <g key={r.learner}>
              <text x={PAD.left - 8} y={PAD.top + i * ROW + 15} textAnchor="end" fontSize="12">
                {r.learner}
              </text>
              <line
                x1={x(r.answer.low)}
                x2={x(r.answer.high)}
                y1={PAD.top + i * ROW + 11}
                y2={PAD.top + i * ROW + 11}
                stroke={r.covers ? '#15803d' : '#c62828'}
                strokeWidth="6"
                strokeLinecap="round"
              />
            </g>
          ) : null,
        )}
        <line
          x1={x(truth.value)}
          x2={x(truth.value)}
          y1={12}
          y2={H - PAD.bottom + 4}
          stroke="#1b2433"
          strokeWidth="2"
        />
        <text x={x(truth.value)} y={10} textAnchor="middle" fontSize="11">
          {t('board.truthMark', { value: num(truth.value, lang) })}
        </text>
        {naive !== undefined ? (
          <>
            <line
              x1={x(naive)}
              x2={x(naive)}
              y1={12}
              y2={H - PAD.bottom + 4}
              stroke="#b45309"
              strokeDasharray="4 3"
            />
            <text x={x(naive)} y={H - 8} textAnchor="middle" fontSize="11" fill="#b45309">
              {t('board.naiveMark', { value: num(naive, lang) })}
            </text>
          </>
        ) : null}
      </svg>
    </figure>
  );
}

function ChoiceBars({ board }: { board: ClassBoard }) {
  const { t } = useTranslation('teaching');
  const counts = new Map<string, number>();
  for (const r of board.rows) {
    const k =
      r.answer.kind === 'best-of'
        ? r.answer.choice
        : r.answer.kind === 'pilot-design'
          ? String(r.answer.branchesPerArm)
          : '';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const max = Math.max(1, ...counts.values());
  return (
    <figure className="board-plot" data-testid="board-plot">
      <figcaption>{t('board.choicesTitle')}</figcaption>
      {[...counts].map(([k, n]) => (
        <div key={k} className="board-bar">
          <span>{k}</span>
          <span className="board-bar__fill" style={{ width: `${(70 * n) / max}%` }} />
          <span>{n}</span>
        </div>
      ))}
    </figure>
  );
}
