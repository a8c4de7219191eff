import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';

export type StrategyTabsProps = {
  strategies: Array<{ id: string; label: LocalText }>;
  selectedId: string;
  onSelect: (id: string) => void;
  /** Id prefix linking each tab to the panel it controls. */
  panelId: string;
};

export const tabId = (panelId: string, strategyId: string) => `${panelId}-tab-${strategyId}`;

/** Strategy picker as a tab list (arrow keys move between tabs). */
export function StrategyTabs({ strategies, selectedId, onSelect, panelId }: StrategyTabsProps) {
  const { t } = useTranslation('results');
  const text = useLocalText();
  const onKeyDown = (e: KeyboardEvent) => {
    const i = strategies.findIndex((s) => s.id === selectedId);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || i < 0) return;
    e.preventDefault();
    const next = strategies[(i + step + strategies.length) % strategies.length];
    onSelect(next.id);
    document.getElementById(tabId(panelId, next.id))?.focus();
  };
  return (
    <div role="tablist" aria-label={t('dashboard.strategies')} className="st-tabs" onKeyDown={onKeyDown}>
      {strategies.map((s) => {
        const isSelected = s.id === selectedId;
        return (
          <button
            key={s.id}
            id={tabId(panelId, s.id)}
            type="button"
            role="tab"
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            className={isSelected ? 'st-tab st-tab--selected' : 'st-tab'}
            data-testid={`strategy-tab-${s.id}`}
            onClick={() => onSelect(s.id)}
          >
            {text(s.label)}
          </button>
        );
      })}
    </div>
  );
}
