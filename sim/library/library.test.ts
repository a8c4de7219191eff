import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { LIBRARY_DIR, readLibrary } from '../runtime/library-files';
import { validateScenario } from '../scenario';
import { blankScenario } from '../scenario/blank';
import { uniqueId } from '../scenario/references';
import { validateFragment } from './fragment';
import { insertFragment } from './insert';

const files = readLibrary(LIBRARY_DIR);
const fragments = files.flatMap((f) => (f.ok ? [f.fragment] : []));
const byId = (id: string) => {
  const f = fragments.find((x) => x.id === id);
  if (!f) throw new Error(`no fragment ${id}`);
  return f;
};

describe('the use-case library', () => {
  it('has at least the twelve use cases of the seeds, each valid on its own', () => {
    for (const f of files) expect(f.ok ? [] : f.messages, f.file).toEqual([]);
    expect(fragments.map((f) => f.id).sort()).toEqual(
      expect.arrayContaining([
        'card_to_wealth',
        'dormant_wakeup',
        'high_value_retention',
        'insurance_needs',
        'large_inflow',
        'long_tail_activation',
        'new_customer_90d',
        'opening_season',
        'paid_not_logged_in',
        'payroll_day',
        'tier_upgrade',
        'wealth_maturity',
      ]),
    );
  });

  it('is bilingual: every name, segment, description and assumption has both languages', () => {
    for (const f of fragments) {
      for (const t of [
        f.name,
        f.segment,
        f.description,
        f.seedFigure.text,
        ...f.assumptions.map((a) => a.text),
      ]) {
        expect(
          typeof t === 'object' && t['zh-CN'] !== '' && t.en !== '',
          `${f.id}: ${JSON.stringify(t)}`,
        ).toBe(true);
      }
    }
  });

  it('assembles into one scenario that validates and runs', () => {
    let doc = blankScenario() as Record<string, unknown>;
    for (const f of fragments) doc = insertFragment(doc, f).doc;
    const small = { ...doc, population: { ...(doc.population as object), size: 4000 } };
    const r = validateScenario(small);
    expect(r.ok ? [] : r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.strategies).toHaveLength(fragments.length + 1);
    const settings = { seed: 'library', replications: 2 };
    const block = simApi.runBlock(r.scenario, settings, 0, 2);
    const summary = simApi.summarize(r.scenario, settings, [block]);
    expect(summary.strategies.map((s) => s.id)).toEqual(r.scenario.strategies.map((s) => s.id));
    // Every use case finds customers to target in a 4,000-customer bank.
    for (const s of summary.strategies) expect(s.funnelTreatment.targeted, s.id).toBeGreaterThan(0);
  });
});

describe('insertFragment', () => {
  it('makes the strategy id unique and adds only missing channels, products and incentives', () => {
    const payroll = byId('payroll_day');
    const first = insertFragment(blankScenario() as Record<string, unknown>, payroll);
    // The blank scenario already has every channel and the WMP; the points incentive is new.
    expect(first.added).toEqual({ channels: [], products: [], incentives: ['points_500'] });
    expect(first.strategyId).toBe('payroll_day');
    const second = insertFragment(first.doc, payroll);
    expect(second.strategyId).toBe('payroll_day_2');
    expect(second.added).toEqual({ channels: [], products: [], incentives: [] });
    const strategies = second.doc.strategies as { id: string; label: unknown }[];
    // The inserted strategy is labelled with the fragment's name in both languages.
    expect(strategies.map((s) => [s.id, s.label])).toEqual([
      ['first_strategy', { 'zh-CN': '第一个策略', en: 'First strategy' }],
      ['payroll_day', payroll.name],
      ['payroll_day_2', payroll.name],
    ]);
    expect(payroll.name).toEqual({ 'zh-CN': '代发日理财', en: 'Payroll-day wealth nudge' });
    // The same assumptions are not listed twice.
    const meta = second.doc.meta as { assumptions: unknown[] };
    expect(meta.assumptions).toHaveLength(payroll.assumptions.length);
    expect(validateScenario(second.doc).ok).toBe(true);
  });

  it('keeps a definition the scenario already has (its own calibration wins)', () => {
    const doc = blankScenario() as { channels: { id: string; reachRate: number }[] };
    doc.channels = doc.channels.filter((c) => c.id !== 'ai_call');
    const ai = byId('payroll_day').channels.find((c) => c.id === 'ai_call');
    const r = insertFragment(
      { ...doc, channels: [...doc.channels, { ...ai, reachRate: 0.5 }] },
      byId('payroll_day'),
    );
    const channels = r.doc.channels as { id: string; reachRate: number }[];
    expect(channels.filter((c) => c.id === 'ai_call').map((c) => c.reachRate)).toEqual([0.5]);
    const r2 = insertFragment(doc, byId('payroll_day'));
    expect(r2.added.channels).toEqual(['ai_call']);
  });

  it('numbers a taken id from 2 on', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a_2']))).toBe('a_3');
  });
});

describe('validateFragment', () => {
  it('names the path of a broken reference', () => {
    const f = JSON.parse(JSON.stringify(byId('payroll_day')));
    f.strategy.journey.steps[0].channel = 'carrier_pigeon';
    const r = validateFragment({ kind: 'sandtable.fragment', version: 1, ...f });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain('strategy.journey.steps[0].channel');
  });
});
