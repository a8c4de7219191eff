import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Challenge,
  type ChallengeAnswer,
  classBoard,
  loadAnswerText,
  loadChallengeText,
  openChallenge,
  type ScenarioIssue,
  SealError,
  type Truth,
  textIn,
} from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { usePrintJob } from '../report/print-job';
import { BoardTable } from './BoardTable';
import { ChallengeMaker } from './ChallengeMaker';
import { readPicked } from './challenge-files';
import { DebriefPrint } from './DebriefPrint';
import { DistributionPlot } from './DistributionPlot';
import { exportDebriefPdf } from './debrief-actions';
import { FileIssues } from './FileIssues';
import { FilePickButton } from './FilePickButton';
import { TaskText } from './TaskText';

type Problem = { file: string; issues: ScenarioIssue[] };

/** The trainer's side: open the challenge with the passphrase, import answers, see the board. */
export function ClassBoard() {
  const { t, i18n } = useTranslation('teaching');
  const messages = useMessages();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [truth, setTruth] = useState<Truth | null>(null);
  const [answers, setAnswers] = useState<ChallengeAnswer[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [lockError, setLockError] = useState<string | null>(null);
  const printJob = usePrintJob();
  const board = useMemo(
    () => (challenge && truth ? classBoard(challenge, truth, answers) : null),
    [challenge, truth, answers],
  );
  const openFile = async ([file]: File[]) => {
    if (!file) return;
    const r = loadChallengeText(await readPicked(file));
    setTruth(null);
    setAnswers([]);
    setProblems(r.ok ? [] : [{ file: file.name, issues: r.issues }]);
    setChallenge(r.ok ? r.value : null);
  };
  const unlock = async () => {
    if (!challenge) return;
    try {
      setTruth(await openChallenge(challenge, passphrase));
      setLockError(null);
    } catch (e) {
      setLockError(e instanceof SealError ? messages.t(e.code) : String(e));
    }
  };
  const importAnswers = async (files: File[]) => {
    if (!challenge) return;
    const next: Problem[] = [];
    const got: ChallengeAnswer[] = [];
    for (const f of files) {
      const r = loadAnswerText(await readPicked(f), challenge);
      if (r.ok) got.push(r.value);
      else next.push({ file: f.name, issues: r.issues });
    }
    // One answer per learner: a newer file replaces an older one of the same name.
    setAnswers((old) => [...old.filter((a) => !got.some((g) => g.learner === a.learner)), ...got]);
    setProblems(next);
  };
  return (
    <section className="teaching-pane" data-testid="class-board">
      <div className="teaching-pane__bar">
        <FilePickButton label={t('board.openChallenge')} testId="board-challenge-file" onFiles={openFile} />
        {challenge && !truth ? (
          <form
            className="teaching-pane__unlock"
            onSubmit={(e) => {
              e.preventDefault();
              unlock();
            }}
          >
            <input
              className="input"
              type="password"
              autoComplete="off"
              placeholder={t('board.passphrase')}
              aria-label={t('board.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              data-testid="board-passphrase"
            />
            <button
              type="submit"
              className="btn btn--primary"
              disabled={!passphrase}
              data-testid="board-unlock"
            >
              {t('board.unlock')}
            </button>
          </form>
        ) : null}
        {truth ? (
          <>
            <FilePickButton
              label={t('board.importAnswers')}
              testId="board-answer-files"
              isMultiple
              onFiles={importAnswers}
            />
            <button
              type="button"
              className="btn"
              disabled={!board || board.rows.length === 0}
              onClick={exportDebriefPdf}
              data-testid="board-debrief"
            >
              {t('board.debrief')}
            </button>
          </>
        ) : null}
      </div>
      {lockError ? (
        <p className="notice notice--error" role="alert" data-testid="board-lock-error">
          {lockError}
        </p>
      ) : null}
      {problems.map((p) => (
        <FileIssues key={p.file} file={p.file} issues={p.issues} />
      ))}
      {!challenge ? <p className="st-muted">{t('board.intro')}</p> : null}
      {!challenge ? <ChallengeMaker /> : null}
      {challenge ? (
        <>
          <h3>{textIn(challenge.title, i18n.language)}</h3>
          <TaskText challenge={challenge} />
        </>
      ) : null}
      {challenge && truth && board ? (
        <>
          <BoardTable challenge={challenge} truth={truth} board={board} />
          {board.rows.length ? <DistributionPlot challenge={challenge} board={board} /> : null}
          {printJob ? (
            <DebriefPrint challenge={challenge} truth={truth} board={board} job={printJob} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
