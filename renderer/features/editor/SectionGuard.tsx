import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useAppState } from '../../state/hooks';

/** Forms need a parsed document; when the raw JSON is broken, point the user to it. */
export function SectionGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const hasDoc = useAppState((s) => {
    const doc = s.docText === s.text ? s.doc : null;
    return doc !== null && typeof doc === 'object';
  });
  const isStale = useAppState((s) => s.docText !== s.text);
  const { setScreen, validateNow } = useActions();
  useEffect(() => {
    // The raw text changed and has not been parsed yet: parse now instead of showing old values.
    if (isStale) validateNow();
  }, [isStale, validateNow]);
  if (hasDoc) return <>{children}</>;
  if (isStale) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="forms-unavailable">
      <p>{t('editor.brokenJson')}</p>
      <button type="button" className="btn" onClick={() => setScreen('json')}>
        {t('editor.openRawJson')}
      </button>
    </div>
  );
}
