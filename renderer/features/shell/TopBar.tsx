import { useTranslation } from 'react-i18next';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { newScenario, openScenario, saveScenario, scenarioNameOf } from '../file/file-actions';
import { RunPanel } from '../run/RunPanel';
import { openGlossary } from '../teaching/glossary-store';
import { ExamplesMenu } from './ExamplesMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { notify } from './toast';

/** Scenario name and file, Open / Save / Examples, language, and the run panel. */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const store = useStoreApi();
  const name = useAppState((s) => scenarioNameOf(s.doc, i18n.language));
  const fileName = useAppState((s) => s.fileName);
  const isDirty = useAppState((s) => s.isDirty);
  const canUndo = useAppState((s) => s.history.past.length > 0);
  const canRedo = useAppState((s) => s.history.future.length > 0);
  const { undo, redo } = useActions();
  return (
    <header className="topbar no-print">
      <div className="topbar__row">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◧
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <div className="doc-title">
          <span className="doc-title__name" data-testid="scenario-name" title={name}>
            {name || t('top.unnamed')}
          </span>
          <span className="doc-title__file" data-testid="file-name">
            {fileName}
            {isDirty ? (
              <span className="dirty-dot" data-testid="dirty-marker" title={t('top.unsaved')}>
                <span aria-hidden="true">●</span>
                <span className="sr-only">{t('top.unsaved')}</span>
              </span>
            ) : null}
          </span>
        </div>
        <div className="topbar__actions">
          <button
            type="button"
            className="btn btn--bar"
            onClick={() => newScenario(store)}
            title={t('top.newHint')}
            data-testid="new-button"
          >
            {t('top.new')}
          </button>
          <button
            type="button"
            className="btn btn--bar"
            onClick={() => openScenario(store, notify)}
            data-testid="open-button"
          >
            {t('top.open')}
          </button>
          <button
            type="button"
            className="btn btn--bar"
            onClick={() => saveScenario(store, notify)}
            data-testid="save-button"
          >
            {t('top.save')}
          </button>
          <button
            type="button"
            className="btn btn--bar"
            onClick={() => saveScenario(store, notify, true)}
            data-testid="save-as-button"
          >
            {t('top.saveAs')}
          </button>
          <button
            type="button"
            className="btn btn--bar btn--icon"
            disabled={!canUndo}
            onClick={undo}
            aria-label={t('top.undo')}
            title={t('top.undoHint')}
            data-testid="undo-button"
          >
            ↶
          </button>
          <button
            type="button"
            className="btn btn--bar btn--icon"
            disabled={!canRedo}
            onClick={redo}
            aria-label={t('top.redo')}
            title={t('top.redoHint')}
            data-testid="redo-button"
          >
            ↷
          </button>
          <ExamplesMenu />
          <LanguageSwitch />
          <button
            type="button"
            className="btn btn--bar btn--icon"
            onClick={() => openGlossary()}
            aria-label={t('teaching:glossary.open')}
            title={t('teaching:glossary.open')}
            data-testid="help-button"
          >
            ?
          </button>
        </div>
      </div>
      <RunPanel />
    </header>
  );
}
