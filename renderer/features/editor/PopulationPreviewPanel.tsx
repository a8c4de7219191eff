import { useTranslation } from 'react-i18next';
import { PopulationPreview } from '../results/PopulationPreview';
import { usePopulationPreview } from './usePopulationPreview';

export function PopulationPreviewPanel() {
  const { t } = useTranslation();
  const { summary, isUpdating, error, hasScenario } = usePopulationPreview();
  return (
    <aside
      className="preview-panel card"
      aria-label={t('population.preview')}
      data-testid="population-preview-panel"
    >
      <header className="card__header">
        <h3 className="card__title">{t('population.preview')}</h3>
        {isUpdating ? (
          <span className="pill pill--muted" data-testid="population-preview-updating">
            {t('population.updating')}
          </span>
        ) : null}
      </header>
      {error ? (
        <p className="notice notice--error" role="alert">
          {t('population.previewFailed', { error })}
        </p>
      ) : null}
      {!hasScenario ? (
        <p className="notice" data-testid="population-preview-invalid">
          {t('population.needsValid')}
        </p>
      ) : null}
      {summary ? (
        <div className={isUpdating || !hasScenario ? 'is-stale' : undefined}>
          <PopulationPreview summary={summary} />
        </div>
      ) : !error && hasScenario ? (
        <p className="muted">{t('population.building')}</p>
      ) : null}
    </aside>
  );
}
