import { useTranslation } from 'react-i18next';
import { useActions, useAppState, useShallowState } from '../../state/hooks';
import type { ScreenId } from '../../state/store';
import { screenForPath } from '../editor/issue-nav';
import { EDITOR_SCREENS, OUTPUT_SCREENS } from './screens';

function NavItem({
  id,
  badge,
  step,
  isSoon,
}: {
  id: ScreenId;
  badge?: number;
  step?: string;
  isSoon?: boolean;
}) {
  const { t } = useTranslation();
  const screen = useAppState((s) => s.screen);
  const { setScreen } = useActions();
  const isActive = screen === id;
  return (
    <li>
      <button
        type="button"
        className={`nav__item${isActive ? ' nav__item--active' : ''}`}
        aria-current={isActive ? 'page' : undefined}
        disabled={isSoon}
        title={isSoon ? t('nav.comingSoon') : undefined}
        data-testid={`nav-${id}`}
        onClick={() => setScreen(id)}
      >
        {step ? <span className="nav__step">{step}</span> : null}
        <span className="nav__label">{t(`nav.${id}`)}</span>
        {badge ? (
          <span className="badge badge--error" title={t('nav.errors', { count: badge })}>
            {badge}
            <span className="sr-only"> {t('nav.errors', { count: badge })}</span>
          </span>
        ) : null}
        {isSoon ? <span className="badge badge--muted">{t('nav.soon')}</span> : null}
      </button>
    </li>
  );
}

/** Left navigation: the editor sections in 3K order with their error counts, then results and compare. */
export function SideNav() {
  const { t } = useTranslation();
  const counts = useShallowState((s) => {
    const out: Record<string, number> = {};
    for (const i of s.issues) {
      if (i.severity !== 'error') continue;
      const screen = screenForPath(i.path);
      out[screen] = (out[screen] ?? 0) + 1;
    }
    return out;
  });
  return (
    <nav className="nav no-print" aria-label={t('nav.label')}>
      <p className="nav__heading">{t('nav.scenario')}</p>
      <ul>
        {EDITOR_SCREENS.map((s) => (
          <NavItem key={s.id} id={s.id} step={s.step} badge={counts[s.id]} />
        ))}
      </ul>
      <p className="nav__heading">{t('nav.analysis')}</p>
      <ul>
        {OUTPUT_SCREENS.map((s) => (
          <NavItem key={s.id} id={s.id} isSoon={s.isComingSoon} />
        ))}
      </ul>
    </nav>
  );
}
