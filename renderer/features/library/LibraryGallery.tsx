import './library.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fragment } from '../../../sim/index';
import { insertFragment, textIn } from '../../../sim/index';
import { Dialog } from '../../components/Dialog';
import { useActions, useStoreApi } from '../../state/hooks';
import { notify } from '../shell/toast';
import { JourneyThumb } from './JourneyThumb';
import { channelChain, LIBRARY, matchesQuery } from './library-data';

function FragmentCard({ fragment, onAdd }: { fragment: Fragment; onAdd(): void }) {
  const { t, i18n } = useTranslation('authoring');
  const lang = i18n.language;
  const name = textIn(fragment.name, lang);
  return (
    <li className="lib-card" data-testid={`library-card-${fragment.id}`}>
      <div className="lib-card__head">
        <h3 className="lib-card__name">{name}</h3>
        <JourneyThumb fragment={fragment} label={t('library.thumb', { name })} />
      </div>
      <p className="lib-card__segment">
        <span className="lib-card__key">{t('library.segment')}</span> {textIn(fragment.segment, lang)}
      </p>
      <ol className="lib-chain" aria-label={t('library.chain')}>
        {channelChain(fragment).map(({ stepId, channel }) => (
          <li key={stepId} className="lib-chain__ch">
            <span className={`lib-chain__pill lib-chain__pill--${channel.wheel}`}>
              {channel.label === undefined ? channel.id : textIn(channel.label, lang)}
            </span>
          </li>
        ))}
      </ol>
      <p className="lib-card__seed">
        <span className="lib-card__key">{t('library.seedFigure')}</span>{' '}
        {textIn(fragment.seedFigure.text, lang)}{' '}
        <span className="lib-card__source">({fragment.seedFigure.source})</span>
      </p>
      <p className="lib-card__desc">{textIn(fragment.description, lang)}</p>
      <button
        type="button"
        className="btn btn--primary lib-card__add"
        onClick={onAdd}
        data-testid={`library-add-${fragment.id}`}
      >
        {t('library.add')}
      </button>
    </li>
  );
}

/** "Add strategy from library": a searchable gallery of the use cases; adding one inserts it whole. */
export function LibraryGallery({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('authoring');
  const store = useStoreApi();
  const { replaceDoc, selectStrategy, setScreen } = useActions();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => LIBRARY.filter((f) => matchesQuery(f, query)), [query]);
  const add = (f: Fragment) => {
    const doc = store.getState().doc;
    if (doc === null || typeof doc !== 'object') return notify(t('library.notJson'));
    const r = insertFragment(doc as Record<string, unknown>, f);
    replaceDoc(r.doc);
    selectStrategy(r.strategyIndex);
    setScreen('strategies');
    const added = [...r.added.channels, ...r.added.products, ...r.added.incentives];
    notify(
      added.length > 0
        ? t('library.addedWith', {
            name: textIn(f.name, i18n.language),
            id: r.strategyId,
            list: added.join(', '),
          })
        : t('library.added', { name: textIn(f.name, i18n.language), id: r.strategyId }),
    );
    onClose();
  };
  return (
    <Dialog
      title={t('library.title')}
      onClose={onClose}
      testId="library-gallery"
      size="wide"
      actions={
        <button type="button" className="btn" onClick={onClose} data-testid="library-close">
          {t('library.close')}
        </button>
      }
    >
      <div className="lib">
        <input
          type="search"
          className="lib__search"
          placeholder={t('library.search')}
          aria-label={t('library.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="library-search"
        />
        <div className="lib__meta">
          <p className="lib__count" aria-live="polite">
            {t('library.count', { count: shown.length, total: LIBRARY.length })}
          </p>
          <p className="lib__legend">
            <span className="lib__key lib__key--online">{t('library.online')}</span>
            <span className="lib__key lib__key--remote">{t('library.remote')}</span>
            <span className="lib__key lib__key--offline">{t('library.offline')}</span>
            <span className="lib__key lib__key--referral">{t('library.referral')}</span>
          </p>
        </div>
        <ul className="lib__grid">
          {shown.map((f) => (
            <FragmentCard key={f.id} fragment={f} onAdd={() => add(f)} />
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
