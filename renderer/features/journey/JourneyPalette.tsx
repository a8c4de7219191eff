import { useTranslation } from 'react-i18next';
import { useDocValue } from '../../state/hooks';
import { channelsInWheel } from './journey-edit';
import { WHEELS } from './journey-layout';

/** The drag type a palette chip carries: the channel id. */
export const CHANNEL_DRAG_TYPE = 'application/x-sandtable-channel';

/**
 * The channels of the three wheels as chips: drag one onto the canvas to add a step on it (its lane
 * follows the channel's wheel), or press it (keyboard too).
 */
export function JourneyPalette({ onAdd }: { onAdd(channel: string): void }) {
  const { t, i18n } = useTranslation();
  const channels = useDocValue('channels');
  return (
    <div className="jpalette" role="toolbar" aria-label={t('journey.palette')}>
      <span className="jtool__title">{t('journey.paletteTitle')}</span>
      {WHEELS.map((w) =>
        channelsInWheel(channels, w, i18n.language).map((c) => (
          <button
            key={c.id}
            type="button"
            draggable
            className={`jpalette__chip jpalette__chip--${w}`}
            title={t('journey.paletteHint', { channel: c.label })}
            onDragStart={(e) => {
              e.dataTransfer.setData(CHANNEL_DRAG_TYPE, c.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => onAdd(c.id)}
            data-testid={`journey-palette-${c.id}`}
          >
            {c.label}
          </button>
        )),
      )}
    </div>
  );
}
