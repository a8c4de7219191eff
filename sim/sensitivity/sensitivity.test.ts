import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { mustLoad, smallScenarioDoc } from '../engine/test-scenarios';
import { type Executor, RunCancelled } from '../executor';
import { assumptionLedger } from './ledger';
import { outputSamples } from './outputs';
import { pointScenario } from './points';
import { runTornado, tornadoTable } from './tornado';

/** In this thread, in two blocks (so figures are read across blocks). */
const inProcess: Executor = {
  description: 'test',
  async run(scenario, settings, opts = {}) {
    if (opts.signal?.aborted) throw new RunCancelled();
    const n = settings.replications;
    const half = Math.ceil(n / 2);
    const blocks = [
      simApi.runBlock(scenario, settings, half, n),
      simApi.runBlock(scenario, settings, 0, half),
    ];
    opts.onProgress?.(n);
    return blocks;
  },
  close: async () => {},
};

function omniSmall() {
  const doc = smallScenarioDoc(6000, 8, 10);
  doc.monteCarlo.replications = 16;
  // Two marked assumptions beside the example's three priors: one with its own range, one at ±20%.
  (doc as Record<string, unknown>).ledger = [
    { param: 'channels[sms].responseEffect', source: 'guess', low: 0.2, high: 0.6 },
    { param: 'channels[wecom].reachRate', source: 'bank_data', reference: 'CRM 2025' },
  ];
  return mustLoad(doc);
}

describe('the assumption ledger', () => {
  it('lists priors (5th/95th percentile) then marked parameters (their range, else ±20%)', () => {
    const s = omniSmall();
    const rows = assumptionLedger(s);
    expect(rows.map((r) => [r.param, r.kind, r.basis])).toEqual([
      ['channels[ai_call].responseEffect', 'prior', 'prior'],
      ['channels[wealth_manager].closeRate', 'prior', 'prior'],
      ['products[fund].propensity.base', 'prior', 'prior'],
      ['channels[sms].responseEffect', 'assumption', 'given'],
      ['channels[wecom].reachRate', 'assumption', 'relative'],
    ]);
    // Triangular(0.5, 0.8, 1.1): F(x) = (x − 0.5)² / 0.18 below the mode, so p05 = 0.5 + √(0.05 × 0.18).
    expect(rows[0].low).toBeCloseTo(0.5 + Math.sqrt(0.009), 12);
    expect(rows[0].high).toBeCloseTo(1.1 - Math.sqrt(0.009), 12);
    const wecom = s.channels.find((c) => c.id === 'wecom')?.reachRate ?? Number.NaN;
    expect(rows[4].low).toBeCloseTo(wecom * 0.8, 12);
    expect(rows[4].high).toBeCloseTo(Math.min(1, wecom * 1.2), 12);
    expect(rows[4].source).toBe('bank_data');
    expect(rows[4].reference).toBe('CRM 2025');
  });

  it('a point keeps every prior in place (a fixed one as a point mass) and refuses an invalid value', () => {
    const s = omniSmall();
    const p = pointScenario(s, [{ param: 'channels[wealth_manager].closeRate', value: 0.4 }]);
    expect(p.uncertainty.map((u) => u.param)).toEqual(s.uncertainty.map((u) => u.param));
    expect(p.uncertainty[1].prior).toEqual({ type: 'uniform', min: 0.4, max: 0.4 });
    expect(s.uncertainty[1].prior.type).toBe('beta');
    expect(() => pointScenario(s, [{ param: 'channels[sms].reachRate', value: 1.5 }])).toThrowError(
      /bad-point/,
    );
  });
});

describe('the tornado', () => {
  it('gives a channel a strategy does not use a zero swing for that strategy; rows sorted', async () => {
    const s = omniSmall();
    const settings = { seed: 'tornado-test', replications: 16 };
    const run = await runTornado(inProcess, s, settings);
    expect(run.points).toHaveLength(1 + 2 * 5);
    // app_activation reaches people by SMS only and sells no money product: the AI call and the
    // wealth manager cannot move it. (payday_wmp, push and SMS, can be moved by them: the same
    // customers are in omni_fund, whose purchases change their money — docs/model.md.)
    const activation = tornadoTable(
      run.ledger,
      run.points,
      run.figures,
      'modelledNewMoney',
      'app_activation',
    );
    for (const param of ['channels[ai_call].responseEffect', 'channels[wealth_manager].closeRate']) {
      const row = activation.rows.find((r) => r.parameter === param);
      expect(row).toBeDefined();
      // On common random numbers the two points draw the same numbers: within 3 SE of zero (and
      // exactly zero when nothing the strategy touches changed).
      expect(Math.abs(row?.swing ?? Number.NaN)).toBeLessThanOrEqual(3 * (row?.se ?? 0) + 1e-9);
    }
    // The SMS response effect does move it (its journey is SMS → SMS reminder): its activations.
    const activations = tornadoTable(
      run.ledger,
      run.points,
      run.figures,
      'conversionUplift',
      'app_activation',
    );
    const sms = activations.rows.find((r) => r.parameter === 'channels[sms].responseEffect');
    expect(sms?.swing).toBeGreaterThan(3 * (sms?.se ?? Number.POSITIVE_INFINITY));
    const swings = activation.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The AI call does move the strategy that uses it (no longer the same numbers on both sides;
    // its modest effect at 16 replications is not asserted against its SE).
    const fund = tornadoTable(run.ledger, run.points, run.figures, 'conversionUplift', 'omni_fund');
    const ai = fund.rows.find((r) => r.parameter === 'channels[ai_call].responseEffect');
    expect(ai?.se).toBeGreaterThan(0);
    expect(ai?.outputHigh).toBeGreaterThan(ai?.outputLow ?? Number.POSITIVE_INFINITY);
    const fundSms = fund.rows.find((r) => r.parameter === 'channels[sms].responseEffect');
    expect(fundSms?.swing).toBeGreaterThan(3 * (fundSms?.se ?? Number.POSITIVE_INFINITY));
  });

  it('the paired SE of a ratio output matches the spread of swings over independent seeds', async () => {
    // A ratio of means (ROI) uses the delta method; check its SE against repeated tornadoes of one
    // parameter. With 8 seeds the SD of the swings is itself uncertain by about 1/√(2·7) ≈ 27%, so
    // the SE must agree within a factor of 2.
    const s = omniSmall();
    const swings: number[] = [];
    const ses: number[] = [];
    for (let k = 0; k < 8; k++) {
      const run = await runTornado(
        inProcess,
        s,
        { seed: `roi-${k}`, replications: 12 },
        {
          params: ['channels[ai_call].responseEffect'],
        },
      );
      const t = tornadoTable(run.ledger, run.points, run.figures, 'roi', 'omni_fund');
      const r = t.rows[0];
      swings.push(r.outputHigh - r.outputLow);
      ses.push(r.se);
    }
    const m = swings.reduce((a, b) => a + b, 0) / swings.length;
    const sd = Math.sqrt(swings.reduce((a, b) => a + (b - m) ** 2, 0) / (swings.length - 1));
    const meanSe = ses.reduce((a, b) => a + b, 0) / ses.length;
    expect(meanSe / sd).toBeGreaterThan(0.5);
    expect(meanSe / sd).toBeLessThan(2);
  });

  it('reads the same figures whatever the blocks', async () => {
    const s = omniSmall();
    const settings = { seed: 'blocks', replications: 6 };
    const whole = simApi.runBlock(s, settings, 0, 6);
    const parts = [simApi.runBlock(s, settings, 3, 6), simApi.runBlock(s, settings, 0, 3)];
    const { replicationFigures } = await import('./outputs');
    const a = outputSamples(replicationFigures(s, [whole]), 'roi', null);
    const b = outputSamples(replicationFigures(s, parts), 'roi', null);
    expect(Array.from(b.num)).toEqual(Array.from(a.num));
    expect(Array.from(b.den ?? [])).toEqual(Array.from(a.den ?? []));
  });
});

describe('Sobol indices of the simulation', () => {
  it('give the AI call exactly 0 for the SMS-only activation campaign and a share of the fund journey', async () => {
    const { runSobol, sobolTable, inputValue } = await import('./sobol-run');
    const s = omniSmall();
    // 5 inputs, N = 4: 28 points × 2 replications on 6,000 customers.
    const run = await runSobol(inProcess, s, { seed: 'sobol-test', replications: 2 }, { baseRows: 4 });
    expect(run.figures).toHaveLength(4 * 7);
    const ai = (t: ReturnType<typeof sobolTable>) =>
      t.rows.find((r) => r.parameter === 'channels[ai_call].responseEffect');
    const activation = sobolTable(run, 'conversionUplift', 'app_activation', 50);
    // Points that differ only in the AI call give identical replications: the estimators' terms are 0.
    expect(ai(activation)?.total.value).toBe(0);
    expect(ai(activation)?.first.value).toBe(0);
    const fund = sobolTable(run, 'conversionUplift', 'omni_fund', 50);
    expect(ai(fund)?.total.value).toBeGreaterThan(0);
    expect(fund.rows.map((r) => r.total.value)).toEqual(
      [...fund.rows.map((r) => r.total.value)].sort((a, b) => b - a),
    );
    expect(fund.noiseShare).toBeGreaterThan(0);
    // A marked assumption spans its range; a prior its quantiles (kept in [0, 1] for a probability).
    const sms = run.ledger.find((r) => r.param === 'channels[sms].responseEffect');
    expect(sms && inputValue(sms, 0.25)).toBeCloseTo(0.3, 12);
    const wm = run.ledger.find((r) => r.param === 'channels[wealth_manager].closeRate');
    expect(wm && inputValue(wm, 0.999999)).toBeLessThanOrEqual(1);
  });
});

describe('sweeps', () => {
  it('one-way: activations rise with the SMS response; on common random numbers a change is surer than a level', async () => {
    const { runSweep, sweepTable, sweepValues } = await import('./sweep');
    const s = omniSmall();
    const settings = { seed: 'sweep-test', replications: 6 };
    const values = sweepValues(0.1, 0.4, 4);
    expect(values).toEqual([0.1, 0.2, 0.3, 0.4]);
    const run = await runSweep(inProcess, s, settings, [{ param: 'channels[sms].responseEffect', values }]);
    const cells = sweepTable(run, 'conversionUplift', 'app_activation');
    expect(cells.map((c) => c.values[0])).toEqual(values);
    for (let i = 1; i < cells.length; i++) expect(cells[i].estimate).toBeGreaterThan(cells[i - 1].estimate);
    // The last point's change from the first has a paired SE below the SE of its own level.
    expect(cells[3].changeSe).toBeLessThan(cells[3].se);
    expect(cells[0].change).toBe(0);
    // A channel the campaign does not use: every point the same replications.
    const ai = await runSweep(inProcess, s, settings, [
      { param: 'channels[ai_call].responseEffect', values: [0.5, 1.1] },
    ]);
    expect(sweepTable(ai, 'conversionUplift', 'app_activation').map((c) => [c.change, c.changeSe])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('two-way: the grid runs x fastest, and a bad value is refused before anything runs', async () => {
    const { runSweep, sweepPoints, sweepTable } = await import('./sweep');
    const axes = [
      { param: 'channels[sms].responseEffect', values: [0.1, 0.3] },
      { param: 'strategies[app_activation].holdout.share', values: [0.1, 0.2, 0.3] },
    ];
    expect(sweepPoints(axes)).toEqual([
      [0.1, 0.1],
      [0.3, 0.1],
      [0.1, 0.2],
      [0.3, 0.2],
      [0.1, 0.3],
      [0.3, 0.3],
    ]);
    const s = omniSmall();
    const run = await runSweep(inProcess, s, { seed: 'grid', replications: 2 }, axes);
    expect(sweepTable(run, 'cost', null)).toHaveLength(6);
    let runs = 0;
    const counting: Executor = {
      ...inProcess,
      run: (...a) => {
        runs++;
        return inProcess.run(...a);
      },
    };
    await expect(
      runSweep(counting, s, { seed: 'grid', replications: 2 }, [
        { param: 'strategies[app_activation].holdout.share', values: [0.5, 1] },
      ]),
    ).rejects.toThrowError(/bad-point/);
    expect(runs).toBe(0);
  });
});
