import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useMessages } from '../../i18n/messages';
import { useActions, useAppState } from '../../state/hooks';

/** A file that does not load: what is wrong and where (line, column); the open scenario stays. */
export function OpenErrorDialog() {
  const { t } = useTranslation();
  const messages = useMessages();
  const error = useAppState((s) => s.openError);
  const { setOpenError, loadText, setScreen } = useActions();
  if (!error) return null;
  const close = () => setOpenError(null);
  const shown = error.issues.slice(0, 20);
  return (
    <Dialog
      title={t(error.isJson ? 'file.invalidScenarioTitle' : 'file.malformedTitle', { name: error.name })}
      onClose={close}
      tone="error"
      testId="open-error-dialog"
      actions={
        <>
          {/* Even text that is not JSON opens (in the JSON tab): a draft saved that way is not lost. */}
          <button
            type="button"
            className="btn"
            data-testid="open-anyway"
            onClick={() => {
              loadText(error.text, { name: error.name, path: error.path });
              if (!error.isJson) setScreen('json');
            }}
          >
            {t('file.openAnyway')}
          </button>
          <button type="button" className="btn btn--primary" onClick={close} data-testid="open-error-close">
            {t('common.close')}
          </button>
        </>
      }
    >
      <p>{t(error.isJson ? 'file.invalidScenarioBody' : 'file.malformedBody')}</p>
      <ul className="issue-lines" data-testid="open-error-issues">
        {shown.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat
          <li key={i}>
            {issue.line !== undefined ? (
              <strong className="issue-lines__loc" data-testid="open-error-location">
                {t('issues.lineCol', { line: issue.line, column: issue.column ?? 1 })}
              </strong>
            ) : null}{' '}
            {issue.path ? <code>{issue.path}</code> : null} {messages.issue(issue)}
          </li>
        ))}
      </ul>
      {error.issues.length > shown.length ? (
        <p>{t('file.moreIssues', { count: error.issues.length - shown.length })}</p>
      ) : null}
      <p className="muted">{t('file.keptCurrent')}</p>
    </Dialog>
  );
}
