import './teaching.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GlossaryEntry, glossaryEntry, glossaryKeyOf, searchGlossary } from '../../../sim/index';
import { Dialog } from '../../components/Dialog';
import { useActions } from '../../state/hooks';
import { useGlossaryStore } from './glossary-store';

/** "?": every parameter and result figure, searchable, one entry shown in full. */
export function GlossaryDialog() {
  const { t, i18n } = useTranslation('teaching');
  const { isOpen, selected, select, close } = useGlossaryStore();
  const { setAboutOpen } = useActions();
  const [query, setQuery] = useState('');
  const lang = i18n.language;
  const hits = useMemo(() => searchGlossary(query, lang), [query, lang]);
  if (!isOpen) return null;
  const key = selected ? glossaryKeyOf(selected) : undefined;
  const entry = key ? glossaryEntry(key, lang) : undefined;
  return (
    <Dialog
      title={t('glossary.title')}
      onClose={close}
      testId="glossary-dialog"
      size="wide"
      actions={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => {
              close();
              setAboutOpen(true);
            }}
            data-testid="glossary-about"
          >
            {t('glossary.about')}
          </button>
          <button type="button" className="btn btn--primary" onClick={close}>
            {t('glossary.close')}
          </button>
        </>
      }
    >
      <div className="glossary">
        <div className="glossary__list">
          <input
            className="input"
            type="search"
            value={query}
            placeholder={t('glossary.search')}
            aria-label={t('glossary.search')}
            data-testid="glossary-search"
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="glossary__count">{t('glossary.count', { count: hits.length })}</p>
          <ul aria-label={t('glossary.title')}>
            {hits.map((h) => (
              <li key={h.key}>
                <button
                  type="button"
                  className={h.key === key ? 'glossary__item glossary__item--on' : 'glossary__item'}
                  aria-current={h.key === key || undefined}
                  onClick={() => select(h.key)}
                  ref={h.key === key ? scrollIntoViewOnce : undefined}
                  data-testid={`glossary-item-${h.key}`}
                >
                  <span className="glossary__term">{h.term}</span>
                  <code className="glossary__key">{h.key}</code>
                </button>
              </li>
            ))}
          </ul>
        </div>
        {entry ? (
          <EntryDetail entry={entry} onSee={select} />
        ) : (
          <p className="glossary__empty">{t('glossary.pick')}</p>
        )}
      </div>
    </Dialog>
  );
}

// The selected entry stays in sight when the glossary opens from an ⓘ far down the list.
function scrollIntoViewOnce(el: HTMLButtonElement | null) {
  el?.scrollIntoView?.({ block: 'nearest' });
}

function EntryDetail({ entry, onSee }: { entry: GlossaryEntry; onSee(key: string): void }) {
  const { t, i18n } = useTranslation('teaching');
  return (
    <article className="glossary__entry" data-testid="glossary-entry" aria-live="polite">
      <h3 data-testid="glossary-entry-term">{entry.term}</h3>
      <code className="glossary__key">{entry.key}</code>
      <dl>
        <dt>{t('glossary.meaning')}</dt>
        <dd data-testid="glossary-entry-meaning">{entry.meaning}</dd>
        <dt>{t('glossary.model')}</dt>
        <dd>{entry.model}</dd>
        <dt>{t('glossary.range')}</dt>
        <dd>{entry.range}</dd>
        <dt>{t('glossary.sources')}</dt>
        <dd>{entry.sources.map((s) => t(`source.${s}`)).join(i18n.language === 'zh-CN' ? '；' : '; ')}</dd>
      </dl>
      {entry.see.length ? (
        <p className="glossary__see">
          {t('glossary.see')}{' '}
          {entry.see.map((k) => (
            <button key={k} type="button" className="link-button" onClick={() => onSee(k)}>
              {glossaryEntry(k, i18n.language)?.term ?? k}
            </button>
          ))}
        </p>
      ) : null}
    </article>
  );
}
