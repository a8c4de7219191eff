import { describe, expect, it } from 'vitest';
import { anovaIcc, sizeCv } from './icc';

describe('anovaIcc', () => {
  // Raw data of three branches in one arm: [1, 0], [1, 1, 1], [0, 0, 0, 1].
  // N = 9, K = 3; Σ sumᵢ²/nᵢ = 1/2 + 9/3 + 1/4 = 3.75; S²/N = 25/9.
  // SSB = 3.75 − 25/9 = 0.97222, MSB = 0.48611; SSW = 5 − 3.75 = 1.25, MSW = 1.25/6 = 0.20833;
  // n₀ = (9 − 29/9)/2 = 2.88889; ICC = (0.48611 − 0.20833)/(0.48611 + 1.88889·0.20833) = 6/19.
  it('matches a hand computation for one arm (6/19)', () => {
    const groups = [
      { arm: 0, n: 2, sum: 1 },
      { arm: 0, n: 3, sum: 3 },
      { arm: 0, n: 4, sum: 1 },
    ];
    expect(anovaIcc(groups, [5])).toBeCloseTo(6 / 19, 12);
  });

  it('removes the arm difference: two arms (numpy ANOVA on the raw data: 0.4356961869)', () => {
    // Arm 1 adds [1, 1], [0, 1, 0], [0, 0, 0].
    const groups = [
      { arm: 0, n: 2, sum: 1 },
      { arm: 0, n: 3, sum: 3 },
      { arm: 0, n: 4, sum: 1 },
      { arm: 1, n: 2, sum: 2 },
      { arm: 1, n: 3, sum: 1 },
      { arm: 1, n: 3, sum: 0 },
    ];
    expect(anovaIcc(groups, [5, 3])).toBeCloseTo(0.43569618688585376, 12);
  });

  it('works for a continuous outcome from sums and the arm sums of squares (numpy: 0.1840890076)', () => {
    // Arm 0: [10, 20, 0], [500, 0]; arm 1: [30, 40, 50, 60], [5, 5], [100, 0, 0].
    const groups = [
      { arm: 0, n: 3, sum: 30 },
      { arm: 0, n: 2, sum: 500 },
      { arm: 1, n: 4, sum: 180 },
      { arm: 1, n: 2, sum: 10 },
      { arm: 1, n: 3, sum: 100 },
    ];
    const sq0 = 100 + 400 + 0 + 250000 + 0;
    const sq1 = 900 + 1600 + 2500 + 3600 + 25 + 25 + 10000;
    expect(anovaIcc(groups, [sq0, sq1])).toBeCloseTo(0.18408900757856406, 12);
  });

  it('is NaN without a spare degree of freedom and ignores empty groups', () => {
    expect(anovaIcc([{ arm: 0, n: 3, sum: 1 }], [1])).toBeNaN();
    expect(
      anovaIcc(
        [
          { arm: 0, n: 2, sum: 1 },
          { arm: 0, n: 0, sum: 0 },
          { arm: 0, n: 3, sum: 3 },
          { arm: 0, n: 4, sum: 1 },
        ],
        [5],
      ),
    ).toBeCloseTo(6 / 19, 12);
  });
});

describe('sizeCv', () => {
  it('CV is the sample SD over the mean', () => {
    // 100, 200, 300: mean 200, SD 100 → 0.5.
    expect(sizeCv([100, 200, 300])).toBeCloseTo(0.5, 12);
    expect(sizeCv([5])).toBe(0);
  });
});
