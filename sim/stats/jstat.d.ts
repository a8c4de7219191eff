declare module 'jstat' {
  type Dist1 = {
    cdf(x: number, ...p: number[]): number;
    inv(p: number, ...q: number[]): number;
    pdf(x: number, ...p: number[]): number;
  };
  export const jStat: {
    normal: Dist1;
    studentt: Dist1;
    beta: Dist1;
    lognormal: Dist1;
    chisquare: Dist1;
    gamma: Dist1;
    noncentralt: {
      cdf(x: number, dof: number, ncp: number): number;
      pdf(x: number, dof: number, ncp: number): number;
    };
    [k: string]: unknown;
  };
  const _default: typeof jStat;
  export default _default;
}
