import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../../components/useDismiss';
import type { ChannelOption } from './journey-edit';
import type { Wheel } from './journey-layout';

/** "+ Online": a menu of that wheel's channels; choosing one adds a step on it. */
export function LaneAddMenu({
  wheel,
  channels,
  onAdd,
}: {
  wheel: Wheel;
  channels: readonly ChannelOption[];
  onAdd(channel: string): void;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const lane = t(`wheel.${wheel}`);
  useEffect(() => {
    if (isOpen) ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [isOpen]);
  useDismiss(ref, isOpen, (reason) => {
    setOpen(false);
    // Escape returns focus to the button that opened the menu.
    if (reason === 'escape') ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  });
  const isEmpty = channels.length === 0;
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className={`btn btn--small jtool__add jtool__add--${wheel}`}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-label={t('journey.addInLabel', { lane })}
        title={isEmpty ? t('journey.noChannelsInLane') : t('journey.addInLabel', { lane })}
        disabled={isEmpty}
        data-testid={`journey-add-${wheel}`}
        onClick={() => setOpen(!isOpen)}
      >
        {t('journey.addIn', { lane })} ▾
      </button>
      {isOpen ? (
        <div className="menu__list jtool__menu" role="menu" aria-label={t('journey.addMenu', { lane })}>
          {channels.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              className="menu__item"
              data-testid={`journey-add-${wheel}-${c.id}`}
              onClick={() => {
                setOpen(false);
                onAdd(c.id);
              }}
            >
              <span className="menu__name">{c.label}</span>
              <span className="menu__file">{c.id}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
