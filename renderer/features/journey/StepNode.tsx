import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { InputHandle } from './InputHandle';
import { END_ID, type LaidOutStep } from './journey-layout';
import { OutcomeHandles } from './OutcomeHandles';

export type StepNodeData = LaidOutStep & { isSelected: boolean };

export function StepNode({ data }: NodeProps & { data: StepNodeData }) {
  const { t } = useTranslation();
  const hasErrors = data.errors.length > 0;
  return (
    <div
      className={`jnode jnode--${data.wheel ?? 'unknown'}${hasErrors ? ' jnode--invalid' : ''}${data.isSelected ? ' jnode--selected' : ''}`}
      data-testid={`journey-node-${data.id}`}
      data-invalid={hasErrors || undefined}
      title={hasErrors ? data.errors.join('\n') : undefined}
    >
      <InputHandle
        nodeId={data.id}
        label={t('journey.handleIn', { id: data.id })}
        testId={`journey-handle-${data.id}-in`}
      />
      <div className="jnode__main">
        <div className="jnode__head">
          <span className="jnode__id">{data.id}</span>
          {data.isStart ? <span className="jnode__badge">{t('journey.start')}</span> : null}
          {hasErrors ? (
            <span
              className="jnode__error"
              role="img"
              aria-label={t('journey.hasErrors', { count: data.errors.length })}
            >
              ⚠ {data.errors.length}
            </span>
          ) : null}
        </div>
        <div className="jnode__channel">{data.channelLabel || t('journey.noChannel')}</div>
        <div className="jnode__meta">{t('journey.wait', { count: data.waitDays })}</div>
      </div>
      <OutcomeHandles step={data} />
    </div>
  );
}

export function LaneNode({
  data,
}: NodeProps & { data: { label: string; width: number; height: number; wheel: string } }) {
  return (
    <div className={`jlane jlane--${data.wheel}`} style={{ width: data.width, height: data.height }}>
      <span className="jlane__label">{data.label}</span>
    </div>
  );
}

export function EndNode({ data }: NodeProps & { data: { label: string } }) {
  return (
    <div className="jend" data-testid="journey-node-end">
      <InputHandle nodeId={END_ID} label={data.label} testId="journey-handle-end-in" />
      {data.label}
    </div>
  );
}
