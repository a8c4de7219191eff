import { useTranslation } from 'react-i18next';
import type { Challenge } from '../../../sim/index';

/** The task in words: what to estimate, choose or design, and how it is scored. */
export function TaskText({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation('teaching');
  const task = challenge.task;
  const text =
    task.kind === 'estimate'
      ? t('challenge.task.estimate', {
          level: Math.round(task.level * 100),
          metric: t(`metric.${task.metric}`),
          strategy: task.strategy,
        })
      : task.kind === 'best-of'
        ? t('challenge.task.bestOf', {
            metric: t(`metric.${task.metric}`),
            options: task.options.join(' · '),
          })
        : t('challenge.task.pilotDesign', {
            power: Math.round(task.targetPower * 100),
            weeks: task.weeks,
            strategy: task.strategy,
          });
  return (
    <p className="challenge-task" data-testid="challenge-task">
      <strong>{t('challenge.taskLabel')}</strong> {text} <em>{t(`challenge.rule.${task.kind}`)}</em>
    </p>
  );
}
