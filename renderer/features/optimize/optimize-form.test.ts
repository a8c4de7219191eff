import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OptimizeSpecSchema } from '../../../sim/index';
import {
  checkDraft,
  initialDraft,
  type OptimizeDraft,
  parseChoiceList,
  problemsAt,
  settingFields,
} from './optimize-form';

const holdout = 'strategies[omni_fund].holdout.share';

function draft(patch: Partial<OptimizeDraft> = {}): OptimizeDraft {
  return {
    ...initialDraft(),
    variables: [{ param: holdout, mode: 'range', from: 0.05, to: 0.2, step: 0.05, choices: [] }],
    ...patch,
  };
}

describe('the optimizer form', () => {
  it('gives the spec the schema makes of it, defaults filled in and δ suggested for the objective', () => {
    const r = checkDraft(
      draft({ constraints: [{ output: 'cost', strategy: 'omni_fund', min: undefined, max: 6e5 }] }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.variables).toEqual([{ param: holdout, from: 0.05, to: 0.2, step: 0.05 }]);
    expect(r.spec.constraints).toEqual([{ output: 'cost', strategy: 'omni_fund', max: 6e5 }]);
    expect(r.spec.screening).toEqual({ replications: 20, maxCandidates: 40 });
    expect(r.spec.selection).toMatchObject({ finalists: 4, indifference: 10_000, confidence: 0.9 });
  });

  it('puts each of the schema problems at the path of its field', () => {
    const r = checkDraft(
      draft({
        variables: [
          { param: holdout, mode: 'range', from: 0.2, to: 0.1, step: 0.05, choices: [] },
          { param: holdout, mode: 'range', from: 0, to: 1, step: 'abc', choices: [] },
          { param: '', mode: 'choices', from: undefined, to: undefined, step: undefined, choices: [] },
        ],
        constraints: [{ output: 'cost', strategy: null, min: undefined, max: undefined }],
        settings: { selection: { confidence: 1.5, finalists: 2.5 }, screening: { replications: 1 } },
      }),
    );
    expect(r.ok).toBe(false);
    const at = (path: string) => problemsAt(r, path).map((p) => [p.code, p.message]);
    expect(at('variables[0].to')).toEqual([['custom', 'expected from < to']]);
    expect(problemsAt(r, 'variables[1].step')[0]).toMatchObject({ code: 'invalid_type', expected: 'number' });
    expect(problemsAt(r, 'variables[2].param')[0].code).toBe('unpicked');
    expect(problemsAt(r, 'variables[2].choices')[0]).toMatchObject({
      code: 'too_small',
      origin: 'array',
      minimum: 1,
    });
    expect(at('constraints[0]')).toEqual([['custom', 'expected max or min']]);
    expect(problemsAt(r, 'selection.confidence')[0]).toMatchObject({
      code: 'too_big',
      maximum: 1,
      inclusive: false,
    });
    expect(problemsAt(r, 'selection.finalists')[0]).toMatchObject({ code: 'invalid_type', expected: 'int' });
    expect(problemsAt(r, 'screening.replications')[0]).toMatchObject({ code: 'too_small', minimum: 2 });
    // Nothing is reported at a variable's root as a failed union.
    expect(r.ok ? [] : r.problems.filter((p) => /^variables\[\d+\]$/.test(p.path))).toEqual([]);
  });

  it('names a parameter the scenario does not have at its field', () => {
    const r = checkDraft(draft(), (path) => path !== holdout);
    expect(problemsAt(r, 'variables[0].param').map((p) => p.code)).toEqual(['unknownParam']);
  });

  it('reads the number settings and their defaults from the schema (a new group shows up by itself)', () => {
    expect(settingFields().map((f) => `${f.group}.${f.key}=${f.defaultValue}`)).toEqual([
      'screening.replications=20',
      'screening.maxCandidates=40',
      'selection.finalists=4',
      'selection.indifference=undefined',
      'selection.confidence=0.9',
      'selection.maxReplications=1000',
    ]);
    const extended = OptimizeSpecSchema.extend({
      refinement: z.object({ rounds: z.number().int().default(2) }).prefault({}),
      note: z.string().optional(),
    });
    expect(settingFields(extended).filter((f) => f.group === 'refinement')).toEqual([
      { group: 'refinement', key: 'rounds', defaultValue: 2 },
    ]);
  });

  it('reads a list of values typed with commas, Chinese commas or spaces', () => {
    expect(parseChoiceList('0.05, 0.1，0.2 x')).toEqual([0.05, 0.1, 0.2, 'x']);
  });
});
