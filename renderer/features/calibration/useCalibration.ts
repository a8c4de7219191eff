// The Calibrate screen's state: the observed file (read and checked against the open scenario),
// the chosen parameters, and a calibration run on the worker pool with progress and cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type BlockRunner,
  type BranchInfo,
  branchInfos,
  CalibrationError,
  type CalibrationReport,
  type CheckedPilot,
  calibrate,
  checkObserved,
  type ObservedIssue,
  readObservedText,
  type Scenario,
} from '../../../sim/index';
import { webExecutor } from '../../sim-client/pool';
import { useAppState } from '../../state/hooks';
import { workerSimulator } from '../planner/simulator';

export type ObservedState =
  | { status: 'none' }
  | { status: 'reading'; name: string }
  | { status: 'bad'; name: string; issues: ObservedIssue[] }
  | { status: 'ok'; name: string; pilot: CheckedPilot };

export type CalibrationRun =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; report: CalibrationReport; scenarioText: string }
  | { status: 'cancelled' }
  | { status: 'error'; error: { code: string; params: Record<string, string | number> } | string };

export type CalibrationBudget = { particles: number; rounds: number; predictive: number };

export const DEFAULT_BUDGET: CalibrationBudget = { particles: 600, rounds: 4, predictive: 400 };

/** The observed file, the parameter choice and the run, for the open scenario. */
export function useCalibration() {
  const scenario = useAppState((s) => s.scenario);
  const text = useAppState((s) => s.text);
  const workers = useAppState((s) => s.workers);
  const [branches, setBranches] = useState<{ of: Scenario; list: BranchInfo[] } | null>(null);
  const [observed, setObserved] = useState<ObservedState>({ status: 'none' });
  const [fileText, setFileText] = useState<{ name: string; text: string } | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [run, setRun] = useState<CalibrationRun>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!scenario) return;
    let isCurrent = true;
    workerSimulator(() => 1)
      .populationSummary(scenario, String(scenario.monteCarlo.seed))
      .then((summary) => {
        if (isCurrent) setBranches({ of: scenario, list: branchInfos(summary) });
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [scenario]);

  // The file is checked against the scenario as it is now (again when the scenario changes).
  useEffect(() => {
    if (!fileText) return setObserved({ status: 'none' });
    if (!scenario || branches?.of !== scenario)
      return setObserved({ status: 'reading', name: fileText.name });
    const read = readObservedText(fileText.text);
    const checked = read.ok ? checkObserved(read.pilot, scenario, branches.list) : read;
    setObserved(
      checked.ok
        ? { status: 'ok', name: fileText.name, pilot: checked.pilot }
        : { status: 'bad', name: fileText.name, issues: checked.issues },
    );
  }, [fileText, scenario, branches]);

  const loadFile = useCallback(async (file: File) => {
    setRun({ status: 'idle' });
    setFileText({ name: file.name, text: await file.text() });
  }, []);

  const toggleParam = useCallback((param: string) => {
    setExcluded((old) => {
      const next = new Set(old);
      if (next.has(param)) next.delete(param);
      else next.add(param);
      return next;
    });
  }, []);

  const start = useCallback(
    async (budget: CalibrationBudget) => {
      if (!scenario || observed.status !== 'ok' || !branches) return;
      const ac = new AbortController();
      controller.current = ac;
      const params = scenario.uncertainty
        .filter((u) => !excluded.has(u.param))
        .map((u) => ({ param: u.param, prior: u.prior }));
      const executor = webExecutor(() => Math.max(1, workers));
      const runner: BlockRunner = (s, settings, range, onProgress) =>
        executor.run(s, settings, { range, onProgress, signal: ac.signal });
      setRun({ status: 'running', done: 0, total: 1 });
      try {
        const report = await calibrate(
          scenario,
          observed.pilot,
          branches.list,
          { ...budget, params },
          runner,
          (p) => setRun({ status: 'running', done: p.done, total: p.total }),
        );
        setRun({ status: 'done', report, scenarioText: text });
      } catch (e) {
        if (ac.signal.aborted) setRun({ status: 'cancelled' });
        else if (e instanceof CalibrationError)
          setRun({ status: 'error', error: { code: e.code, params: e.params } });
        else setRun({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      } finally {
        controller.current = null;
      }
    },
    [scenario, observed, branches, excluded, workers, text],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);

  const list = branches?.of === scenario ? branches.list : null;
  return { scenario, text, branches: list, observed, loadFile, excluded, toggleParam, run, start, cancel };
}
