import { useTranslation } from 'react-i18next';
import type { ScenarioIssue } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';

/** What is wrong with a file the user picked: line, path and message of each problem. */
export function FileIssues({ file, issues }: { file: string; issues: readonly ScenarioIssue[] }) {
  const { t } = useTranslation('teaching');
  const messages = useMessages();
  return (
    <div className="notice notice--error" role="alert" data-testid="teaching-file-issues">
      <p>{t('challenge.badFile', { file })}</p>
      <ul className="issue-lines">
        {issues.slice(0, 8).map((issue) => (
          <li key={`${issue.path}:${issue.code}:${issue.line ?? ''}`}>
            {issue.line !== undefined ? `${issue.line}:${issue.column ?? 1} ` : ''}
            {issue.path ? <code>{issue.path}</code> : null} {messages.issue(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}
