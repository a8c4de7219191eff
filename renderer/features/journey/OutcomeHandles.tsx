import { Handle, Position } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { type LaidOutStep, OUTCOMES } from './journey-layout';

/** One labelled source handle per outcome, coloured like its edges; drag one to set where it leads. */
export function OutcomeHandles({ step }: { step: LaidOutStep }) {
  const { t } = useTranslation();
  return (
    <div className="jnode__outs">
      {OUTCOMES.map(({ key, kind }) => {
        const to = step.targets[key];
        const target = to === null ? t('journey.closeHere') : to === 'end' ? t('journey.end') : to;
        const label = t('journey.handleLabel', {
          id: step.id,
          outcome: t(`journey.outcome.${kind}`),
          target,
        });
        const isOpen = to === null || to === 'end';
        return (
          <div key={key} className={`jout jout--${kind}${isOpen ? ' jout--open' : ''}`}>
            <span className="jout__label" aria-hidden="true">
              {kind === 'return' ? t('journey.notConverted') : t(`journey.edge.${kind}`)}
            </span>
            <Handle
              type="source"
              position={Position.Right}
              id={key}
              className={`jhandle jhandle--${kind}`}
              aria-label={label}
              title={`${label}\n${t('journey.dragHint')}`}
              data-testid={`journey-handle-${step.id}-${key}`}
            />
          </div>
        );
      })}
    </div>
  );
}
