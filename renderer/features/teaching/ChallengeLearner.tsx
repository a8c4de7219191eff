import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Challenge, loadChallengeText, type ScenarioIssue, textIn } from '../../../sim/index';
import { AnswerForm } from './AnswerForm';
import { pilotsUsed, readPicked, spendPilot } from './challenge-files';
import { FileIssues } from './FileIssues';
import { FilePickButton } from './FilePickButton';
import { HiddenContext } from './HiddenContext';
import { ObservationsTable } from './ObservationsTable';
import { TaskText } from './TaskText';

/** The learner's side: open a challenge, look at simulated pilots within the budget, answer. */
export function ChallengeLearner() {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [issues, setIssues] = useState<{ file: string; issues: ScenarioIssue[] } | null>(null);
  const [used, setUsed] = useState(0);
  const open = async ([file]: File[]) => {
    if (!file) return;
    const r = loadChallengeText(await readPicked(file));
    if (!r.ok) {
      setIssues({ file: file.name, issues: r.issues });
      return;
    }
    setIssues(null);
    setChallenge(r.value);
    setUsed(pilotsUsed(r.value));
  };
  return (
    <section className="teaching-pane" data-testid="challenge-learner">
      <div className="teaching-pane__bar">
        <FilePickButton label={t('challenge.open')} testId="challenge-file" onFiles={open} />
      </div>
      {issues ? <FileIssues file={issues.file} issues={issues.issues} /> : null}
      {!challenge ? (
        <p className="st-muted">{t('challenge.intro')}</p>
      ) : (
        <>
          <h3 data-testid="challenge-title">{textIn(challenge.title, lang)}</h3>
          <p>{textIn(challenge.brief, lang)}</p>
          <TaskText challenge={challenge} />
          <h4>{t('challenge.hidden')}</h4>
          <HiddenContext challenge={challenge} />
          <h4>{t('challenge.pilots')}</h4>
          <p data-testid="challenge-budget">
            {t('challenge.budget', { used, total: challenge.budget.pilots })}
          </p>
          <button
            type="button"
            className="btn btn--primary"
            disabled={used >= challenge.budget.pilots}
            data-testid="challenge-run-pilot"
            onClick={() => setUsed(spendPilot(challenge))}
          >
            {used >= challenge.budget.pilots ? t('challenge.budgetSpent') : t('challenge.runPilot')}
          </button>
          <ObservationsTable challenge={challenge} shown={used} />
          <AnswerForm challenge={challenge} pilotsUsed={used} />
        </>
      )}
    </section>
  );
}
