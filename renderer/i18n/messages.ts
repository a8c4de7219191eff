// The core's messages (scenario issues, planner notes) in the studio's language: the shared
// catalogue (messages/) is the i18next namespace 'messages'; this hook binds its wording functions
// to the running language, so a language switch re-words every issue on screen.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText, MESSAGES_NS, type Translate } from '../../messages/index';
import type { IssueMessage } from '../../sim/index';

export function useMessages(): { t: Translate; issue(msg: IssueMessage): string } {
  const { t } = useTranslation(MESSAGES_NS);
  return useMemo(() => {
    const translate: Translate = (key, values) => t(key, values as never) as unknown as string;
    return { t: translate, issue: (msg) => issueText(msg, translate) };
  }, [t]);
}
