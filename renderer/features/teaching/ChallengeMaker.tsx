import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChallengeError, METRICS, type Metric, makeChallenge, SealError, textIn } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { desktopApi } from '../../platform/desktop-api';
import { startRun } from '../../sim-client/pool';
import { useAppState } from '../../state/hooks';
import { ParamPicker } from '../compare/ParamPicker';
import { paramChoices } from '../compare/param-choices';

const MAX_HIDDEN = 4;

/**
 * The trainer makes a challenge from the open scenario (an estimate task): the hidden fields, the
 * figure to estimate, the pilots; the true scenario runs in the worker pool, then the file is sealed
 * and saved. Best-of and pilot-design tasks are made with the CLI.
 */
export function ChallengeMaker() {
  const { t, i18n } = useTranslation('teaching');
  const messages = useMessages();
  const doc = useAppState((s) => s.doc);
  const scenario = useAppState((s) => s.scenario);
  const workers = useAppState((s) => s.workers);
  const choices = useMemo(
    () => paramChoices(doc, i18n.language).filter((c) => typeof c.value === 'number'),
    [doc, i18n.language],
  );
  const [hide, setHide] = useState<string[]>(['']);
  const [strategy, setStrategy] = useState('');
  const [metric, setMetric] = useState<Metric>('conversion-uplift-pp');
  const [pilots, setPilots] = useState(6);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  if (!scenario) return <p className="st-muted">{t('maker.noScenario')}</p>;
  const chosen = hide.filter(Boolean);
  const target = strategy || scenario.strategies[0].id;
  const isReady = chosen.length > 0 && passphrase.length >= 8 && passphrase === again && !isBusy;
  const make = async () => {
    setBusy(true);
    setStatus({ tone: 'info', text: t('maker.running') });
    try {
      const replications = Math.max(pilots, Math.min(scenario.monteCarlo.replications, 200));
      const settings = { seed: String(scenario.monteCarlo.seed), replications };
      const outcome = await startRun(scenario, settings, { workers }).result;
      if (outcome.status !== 'done')
        throw new Error(outcome.status === 'error' ? outcome.error : outcome.status);
      const name = textIn(scenario.meta.name, i18n.language);
      const id = `challenge-${Date.now().toString(36)}`;
      const challenge = await makeChallenge(
        {
          doc,
          truthRun: outcome.summary,
          id,
          title: { 'zh-CN': `${name}：挑战`, en: `${name}: challenge` },
          brief: {
            'zh-CN': `根据模拟试点，估计 ${target} 的${t('metric.' + metric, { lng: 'zh-CN' })}。`,
            en: `From the simulated pilots, estimate the ${t(`metric.${metric}`, { lng: 'en' })} of ${target}.`,
          },
          hide: chosen,
          task: { kind: 'estimate', strategy: target, metric, level: 0.9 },
          pilots,
        },
        passphrase,
      );
      const r = await desktopApi.exportFile({
        kind: 'json',
        suggestedName: `${id}.json`,
        data: `${JSON.stringify(challenge, null, 2)}\n`,
      });
      if (!r.ok) throw new Error(r.error);
      setStatus(r.value ? { tone: 'info', text: t('maker.saved', { file: `${id}.json` }) } : null);
    } catch (e) {
      const text =
        e instanceof ChallengeError || e instanceof SealError
          ? messages.t(e.code, 'params' in e ? e.params : {})
          : e instanceof Error
            ? e.message
            : String(e);
      setStatus({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="challenge-maker" data-testid="challenge-maker">
      <summary>{t('maker.title')}</summary>
      <p className="st-muted">{t('maker.intro')}</p>
      <h5>{t('maker.hide')}</h5>
      {hide.map((path, i) => (
        <ParamPicker
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a short list edited in place
          key={i}
          id={`maker-${i}`}
          choices={choices}
          doc={doc}
          path={path}
          isLocked={isBusy}
          isInitiallyOpen={false}
          onPick={(p) => setHide(hide.map((x, j) => (j === i ? p : x)))}
        />
      ))}
      {hide.length < MAX_HIDDEN ? (
        <button
          type="button"
          className="link-button"
          onClick={() => setHide([...hide, ''])}
          data-testid="maker-add-hidden"
        >
          {t('maker.addHidden')}
        </button>
      ) : null}
      <div className="challenge-maker__row">
        <label>
          {t('challenge.strategy')}{' '}
          <select
            className="input input--select"
            value={target}
            onChange={(e) => setStrategy(e.target.value)}
            data-testid="maker-strategy"
          >
            {scenario.strategies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label === undefined ? s.id : textIn(s.label, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('maker.metric')}{' '}
          <select
            className="input input--select"
            value={metric}
            onChange={(e) => setMetric(e.target.value as Metric)}
            data-testid="maker-metric"
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('maker.pilots')}{' '}
          <input
            className="input"
            type="number"
            min={1}
            max={50}
            value={pilots}
            onChange={(e) => setPilots(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))))}
            data-testid="maker-pilots"
          />
        </label>
      </div>
      <div className="challenge-maker__row">
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          placeholder={t('maker.passphrase')}
          aria-label={t('maker.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="maker-passphrase"
        />
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          placeholder={t('maker.again')}
          aria-label={t('maker.again')}
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          data-testid="maker-passphrase-again"
        />
        <button
          type="button"
          className="btn btn--primary"
          disabled={!isReady}
          onClick={make}
          data-testid="maker-make"
        >
          {t('maker.make')}
        </button>
      </div>
      {passphrase && passphrase.length < 8 ? <p className="st-muted">{t('maker.short')}</p> : null}
      {status ? (
        <p
          className={status.tone === 'error' ? 'notice notice--error' : 'notice'}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-testid="maker-status"
        >
          {status.text}
        </p>
      ) : null}
    </details>
  );
}
