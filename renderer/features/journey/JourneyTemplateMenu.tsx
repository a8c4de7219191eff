import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../../components/useDismiss';
import { useActions, useDocValue } from '../../state/hooks';
import { notify } from '../shell/toast';
import { missingWheels, TEMPLATE_KINDS, templateJourney } from './journey-templates';

/**
 * "Template journey ▾": replace the strategy's journey with one of the three starting shapes, on
 * the scenario's channels. One edit, so ↶ brings the old journey back (the toast says so).
 */
export function JourneyTemplateMenu({
  strategyIndex,
  onApplied,
}: {
  strategyIndex: number;
  onApplied(): void;
}) {
  const { t } = useTranslation('authoring');
  const { t: tc } = useTranslation();
  const channels = useDocValue('channels');
  const { setField } = useActions();
  const [isOpen, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, isOpen, () => setOpen(false));
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn btn--small"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        data-testid="journey-template"
      >
        {t('template.open')} ▾
      </button>
      {isOpen ? (
        <div className="menu__list jtool__menu" role="menu" aria-label={t('template.menu')}>
          <p className="menu__note">{t('template.replaces')}</p>
          {TEMPLATE_KINDS.map((kind) => {
            const missing = missingWheels(kind, channels);
            return (
              <button
                key={kind}
                type="button"
                role="menuitem"
                className="menu__item"
                disabled={missing.length > 0}
                title={
                  missing.length > 0
                    ? t('template.needs', {
                        wheels: missing.map((w) => tc(`wheel.${w}`)).join(t('template.and')),
                      })
                    : undefined
                }
                data-testid={`journey-template-${kind}`}
                onClick={() => {
                  const journey = templateJourney(kind, channels);
                  setOpen(false);
                  if (!journey) return;
                  setField(`strategies[${strategyIndex}].journey`, journey);
                  onApplied();
                  notify(t('template.applied', { name: t(`template.${kind}.name`) }));
                }}
              >
                <span className="menu__name">{t(`template.${kind}.name`)}</span>
                <span className="menu__file">{t(`template.${kind}.chain`)}</span>
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
