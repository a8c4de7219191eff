import './authoring.css';
import { useTranslation } from 'react-i18next';
import { type LocalText, textIn } from '../../../sim/index';
import { Card, ScreenHeader } from '../../components/Card';
import { useActions, useDocValue } from '../../state/hooks';
import { AddFromLibraryButton } from '../library/AddFromLibraryButton';
import { LocalTextField } from './LocalTextField';

type Assumption = { text?: LocalText; source?: string };
type Named = { id?: string; label?: unknown; wheel?: string };

const asList = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const isLocalText = (v: unknown): v is LocalText =>
  typeof v === 'string' ||
  (v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>).en === 'string');

/** The scenario at a glance: its description and the assumptions it leans on, in the user's language. */
export function OverviewSection() {
  const { t, i18n } = useTranslation('authoring');
  const lang = i18n.language;
  const { setScreen, selectStrategy } = useActions();
  const name = useDocValue('meta.name');
  const description = useDocValue('meta.description');
  const assumptions = asList<Assumption>(useDocValue('meta.assumptions'));
  const strategies = asList<Named>(useDocValue('strategies'));
  const products = asList<Named>(useDocValue('products'));
  const channels = asList<Named>(useDocValue('channels'));
  const text = (v: unknown) => (isLocalText(v) ? textIn(v, lang) : '');
  return (
    <div className="screen" data-testid="screen-overview">
      <ScreenHeader
        title={text(name) || t('overview.unnamed')}
        subtitle={t('overview.subtitle')}
        actions={<AddFromLibraryButton />}
      />
      <div className="grid-2">
        <Card title={t('overview.description')}>
          {text(description) ? (
            <p className="overview__text" data-testid="overview-description">
              {text(description)}
            </p>
          ) : (
            <p className="muted">{t('overview.noDescription')}</p>
          )}
          <details className="overview__edit">
            <summary>{t('overview.edit')}</summary>
            <div className="fields">
              <LocalTextField path="meta.name" label={t('overview.name')} wide />
              <LocalTextField path="meta.description" label={t('overview.description')} wide multiline />
            </div>
          </details>
        </Card>
        <Card title={t('overview.contents')}>
          <ul className="overview__facts">
            <li>{t('overview.products', { count: products.length })}</li>
            <li>
              {t('overview.channels', {
                count: channels.length,
                online: channels.filter((c) => c.wheel === 'online').length,
                remote: channels.filter((c) => c.wheel === 'remote').length,
                offline: channels.filter((c) => c.wheel === 'offline').length,
              })}
            </li>
            <li>{t('overview.strategies', { count: strategies.length })}</li>
          </ul>
          <ol className="overview__strategies">
            {strategies.map((s, i) => (
              <li key={s.id ?? i}>
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => {
                    selectStrategy(i);
                    setScreen('strategies');
                  }}
                >
                  {text(s.label) || s.id}
                </button>{' '}
                <code>{s.id}</code>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <Card title={t('overview.assumptions')} subtitle={t('overview.assumptionsHint')}>
        {assumptions.length === 0 ? (
          <p className="muted">{t('overview.noAssumptions')}</p>
        ) : (
          <ol className="overview__assumptions" data-testid="overview-assumptions">
            {assumptions.map((a, i) => (
              // Assumptions have no id; their order is their identity in the file.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                <span>{text(a.text)}</span>
                {a.source ? <span className="overview__source">{a.source}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
