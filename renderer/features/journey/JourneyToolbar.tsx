import { useTranslation } from 'react-i18next';
import { useDocValue } from '../../state/hooks';
import { JourneyTemplateMenu } from './JourneyTemplateMenu';
import { channelsInWheel } from './journey-edit';
import { WHEELS } from './journey-layout';
import { LaneAddMenu } from './LaneAddMenu';

/**
 * Above the canvas: add a step in a lane (on one of its channels), delete the selected step, start
 * from a template journey, and go back to the automatic layout once steps have been dragged.
 */
export function JourneyToolbar({
  selectedId,
  stepCount,
  onAdd,
  onRemove,
  hasPlacedSteps,
  onAutoLayout,
  strategyIndex,
  onTemplate,
}: {
  selectedId: string | null;
  stepCount: number;
  onAdd(channel: string): void;
  onRemove(): void;
  hasPlacedSteps: boolean;
  onAutoLayout(): void;
  strategyIndex: number;
  onTemplate(): void;
}) {
  const { t, i18n } = useTranslation();
  const { t: ta } = useTranslation('authoring');
  const channels = useDocValue('channels');
  const isOnly = stepCount <= 1;
  return (
    <div className="jtool" role="toolbar" aria-label={t('journey.toolbar')}>
      <span className="jtool__title">{t('journey.addTitle')}</span>
      {WHEELS.map((w) => (
        <LaneAddMenu key={w} wheel={w} channels={channelsInWheel(channels, w, i18n.language)} onAdd={onAdd} />
      ))}
      {selectedId !== null ? (
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={isOnly}
          title={isOnly ? t('journey.deleteStepOnly') : undefined}
          onClick={onRemove}
          data-testid="journey-delete-step"
        >
          {t('journey.deleteStep', { id: selectedId })}
        </button>
      ) : null}
      <JourneyTemplateMenu strategyIndex={strategyIndex} onApplied={onTemplate} />
      {hasPlacedSteps ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={onAutoLayout}
          title={ta('layout.autoHint')}
          data-testid="journey-auto-layout"
        >
          {ta('layout.auto')}
        </button>
      ) : null}
    </div>
  );
}
