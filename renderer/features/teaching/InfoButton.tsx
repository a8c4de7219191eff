import { useTranslation } from 'react-i18next';
import { glossaryEntry } from '../../../sim/index';
import { openGlossary } from './glossary-store';

/** The ⓘ beside a field or card: opens the glossary at its entry. Renders nothing without one. */
export function InfoButton({ path }: { path: string }) {
  const { t, i18n } = useTranslation('teaching');
  const entry = glossaryEntry(path, i18n.language);
  if (!entry) return null;
  return (
    <button
      type="button"
      className="info-button no-print"
      aria-label={t('glossary.infoAria', { term: entry.term })}
      title={entry.meaning}
      data-testid={`info-${entry.key}`}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        openGlossary(entry.key);
      }}
    >
      ⓘ
    </button>
  );
}
