import { useTranslation } from 'react-i18next';

/** What the edge styles (and the handle colours) mean, and how to edit on the canvas. */
export function JourneyLegend() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('authoring');
  return (
    <>
      <ul className="legend" aria-label={t('journey.legend')}>
        {(['referral', 'return', 'not_interested', 'no_contact', 'end'] as const).map((k) => (
          <li key={k} className={`legend__item legend__item--${k}`}>
            <span className="legend__swatch" />
            {k === 'end'
              ? t('journey.end')
              : k === 'return'
                ? t('journey.legendNotConverted')
                : t(`journey.edge.${k}`)}
          </li>
        ))}
        <li className="legend__item legend__item--note">{t('journey.legendMore')}</li>
      </ul>
      <p className="journey__hint">
        {t('journey.editHint')} {ta('layout.dragHint')} {t('journey.panHint')}
      </p>
    </>
  );
}
