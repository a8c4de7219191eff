import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioIssue } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useAppState, useStoreApi } from '../../state/hooks';
import { goToIssue } from './issue-nav';

function IssueRow({ issue, onGo }: { issue: ScenarioIssue; onGo(): void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  return (
    <li className={`issue issue--${issue.severity}`}>
      <button type="button" className="issue__button" onClick={onGo} data-testid="issue-item">
        <span className="issue__sev">{t(`issues.${issue.severity}`)}</span>
        <code className="issue__path">{issue.path || t('issues.wholeFile')}</code>
        <span className="issue__msg">{messages.issue(issue)}</span>
        {issue.line !== undefined ? (
          <span className="issue__loc">
            {t('issues.lineCol', { line: issue.line, column: issue.column ?? 1 })}
          </span>
        ) : null}
      </button>
    </li>
  );
}

/** Every validation error and warning of the scenario; a click goes to the field. */
export function IssuesPanel() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const issues = useAppState((s) => s.issues);
  const warnings = useAppState((s) => s.warnings);
  const [isOpen, setOpen] = useState(true);
  const all = [...issues, ...warnings];
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section
      className={`issues${errors ? ' issues--has-errors' : ''}`}
      aria-label={t('issues.title')}
      data-testid="issues-panel"
    >
      <button
        type="button"
        className="issues__toggle"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        <span data-testid="issues-summary">
          {all.length === 0
            ? t('issues.none')
            : t('issues.summary', { errors, warnings: all.length - errors })}
        </span>
        <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
      </button>
      {isOpen && all.length > 0 ? (
        <ul className="issues__list">
          {all.map((issue, i) => (
            <IssueRow
              // biome-ignore lint/suspicious/noArrayIndexKey: two issues may share path and message
              key={`${issue.path}|${i}`}
              issue={issue}
              onGo={() => goToIssue(store, issue)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
