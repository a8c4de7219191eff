import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../sim/index';
import { useDismiss } from '../../components/useDismiss';
import { useStoreApi } from '../../state/hooks';
import { EXAMPLES } from '../file/examples';
import { loadExample } from '../file/file-actions';

/** The example scenarios in scenarios/, ready to run. */
export function ExamplesMenu() {
  const { t, i18n } = useTranslation();
  const store = useStoreApi();
  const [isOpen, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, isOpen, (reason) => {
    setOpen(false);
    if (reason === 'escape') ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  });
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn btn--bar"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        data-testid="examples-button"
        onClick={() => setOpen(!isOpen)}
      >
        {t('top.examples')} ▾
      </button>
      {isOpen ? (
        <div className="menu__list" role="menu" aria-label={t('top.examples')}>
          {EXAMPLES.map((ex) => (
            <button
              key={ex.file}
              type="button"
              role="menuitem"
              className="menu__item"
              title={textIn(ex.description, i18n.language)}
              data-testid={`example-${ex.file}`}
              onClick={() => {
                setOpen(false);
                void loadExample(store, ex);
              }}
            >
              <span className="menu__name">{textIn(ex.name, i18n.language)}</span>
              <span className="menu__file">{ex.file}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
