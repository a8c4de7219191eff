import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi } from '../../state/hooks';
import { EXAMPLES } from '../file/examples';
import { loadExample } from '../file/file-actions';

/** The example scenarios in scenarios/, ready to run. */
export function ExamplesMenu() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [isOpen, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [isOpen]);
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
              title={ex.description}
              data-testid={`example-${ex.file}`}
              onClick={() => {
                setOpen(false);
                void loadExample(store, ex);
              }}
            >
              <span className="menu__name">{ex.name}</span>
              <span className="menu__file">{ex.file}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
