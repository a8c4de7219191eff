import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../../components/useDismiss';
import { matchesQuery, type ParamChoice } from './param-choices';
import { fieldLabel, groupLabel, showValue } from './param-labels';

export type ParamPickerProps = {
  /** `${variantId}-${row}`, for test ids. */
  id: string;
  choices: readonly ParamChoice[];
  doc: unknown;
  path: string;
  isLocked: boolean;
  isInitiallyOpen: boolean;
  onPick(path: string): void;
};

type Row = { choice: ParamChoice; group: string; field: string; value: string };

/** Choose a parameter by its label: grouped by strategy, channel …, searchable, with the current value. */
export function ParamPicker({ id, choices, doc, path, isLocked, isInitiallyOpen, onPick }: ParamPickerProps) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(isInitiallyOpen && !isLocked);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isOpen) searchRef.current?.focus();
  }, [isOpen]);
  // Escape is handled by the popup's own key handler (with the arrow keys).
  useDismiss(rootRef, isOpen, () => setOpen(false), true);
  const rows = useMemo<Row[]>(() => {
    if (!isOpen) return [];
    return choices.map((choice) => ({
      choice,
      group: groupLabel(t, choice.group),
      field: fieldLabel(t, choice),
      value: showValue(t, doc, choice.path, choice.value),
    }));
  }, [isOpen, choices, doc, t]);
  const shown = rows.filter((r) => matchesQuery(`${r.group} ${r.field} ${r.choice.path} ${r.value}`, query));
  const groups: Row[][] = [];
  for (const r of shown) {
    const last = groups[groups.length - 1];
    if (last && last[0].choice.group.id === r.choice.group.id) last.push(r);
    else groups.push([r]);
  }
  const current = choices.find((c) => c.path === path);
  const pick = (p: string) => {
    onPick(p);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setOpen(false);
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const options = [...(rootRef.current?.querySelectorAll<HTMLElement>('.param-picker__option') ?? [])];
    const at = options.indexOf(document.activeElement as HTMLElement);
    const next = options[e.key === 'ArrowDown' ? at + 1 : at - 1];
    if (next || at === 0) e.preventDefault();
    (next ?? (at === 0 ? searchRef.current : null))?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and the arrow keys for the popup inside
    <div className="param-picker" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="input param-picker__trigger"
        aria-expanded={isOpen}
        aria-label={`${t('compare.parameter')}: ${current ? `${groupLabel(t, current.group)} · ${fieldLabel(t, current)}` : path || t('compare.choose')}`}
        data-testid={`override-param-${id}`}
        disabled={isLocked}
        onClick={() => setOpen(!isOpen)}
      >
        {current ? (
          <>
            <span className="param-picker__group">{groupLabel(t, current.group)}</span>
            <span className="param-picker__field">{fieldLabel(t, current)}</span>
          </>
        ) : (
          <span className="param-picker__field param-picker__field--empty">
            {path || t('compare.choose')}
          </span>
        )}
        <span className="param-picker__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {isOpen ? (
        <div className="param-picker__panel">
          <input
            ref={searchRef}
            type="search"
            className="input"
            aria-label={t('compare.searchParams')}
            placeholder={t('compare.searchPlaceholder')}
            data-testid={`override-search-${id}`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                pick(shown[0].choice.path);
              }
            }}
          />
          <ul className="param-picker__list" aria-label={t('compare.parameter')}>
            {groups.map((g) => (
              <li key={g[0].choice.group.id}>
                <div className="param-picker__heading">{g[0].group}</div>
                <ul aria-label={g[0].group}>
                  {g.map((r) => (
                    <li key={r.choice.path}>
                      <button
                        type="button"
                        aria-current={r.choice.path === path || undefined}
                        className="param-picker__option"
                        data-testid={`param-option-${r.choice.path}`}
                        title={r.choice.path}
                        onClick={() => pick(r.choice.path)}
                      >
                        <span>{r.field}</span>
                        <span className="param-picker__value">{r.value}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="muted">{t('compare.noMatches', { query })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
