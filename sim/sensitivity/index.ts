// Sensitivity analysis: the assumption ledger, the tornado (one at a time on common random
// numbers) and Sobol indices (Saltelli design). Pure: runs go through an Executor (the worker pool or the queue).
export { SENSITIVITY_ERROR_CODES, SensitivityError, type SensitivityErrorCode } from './errors';
export {
  assumptionLedger,
  type LedgerRow,
  PRIOR_HIGH_QUANTILE,
  PRIOR_LOW_QUANTILE,
  priorMean,
  type RangeBasis,
  RELATIVE_RANGE,
} from './ledger';
export {
  beats,
  type Choice,
  type Comparison,
  type ConstraintResult,
  candidateScenario,
  currentValues,
  type Evaluation,
  type OptimizeOptions,
  type OptimizePartial,
  type OptimizeProgress,
  type OptimizeResult,
  type OptimizeStage,
  paretoFront,
  type Refinement,
  runOptimize,
  screeningCandidates,
  variableValues,
} from './optimize';
export { compassSearch, type RefineSettings, refineStep } from './optimize-refine';
export {
  type OptimizeSpec,
  OptimizeSpecSchema,
  type OptimizeVariable,
  parseOptimizeSpec,
  type SpecProblem,
} from './optimize-spec';
export {
  estimateOf,
  estimateSe,
  type OutputSamples,
  outputSamples,
  pairedChange,
  type ReplicationFigures,
  replicationFigures,
  SENSITIVITY_OUTPUTS,
  type SensitivityOutput,
} from './outputs';
export { type FixedValue, pointScenario } from './points';
export {
  designPoints,
  type SaltelliDesign,
  type SobolIndex,
  type SobolResult,
  saltelliDesign,
  sobolIndices,
} from './sobol';
export {
  inputValue,
  runSobol,
  type SobolRow,
  type SobolRun,
  type SobolRunOptions,
  type SobolTable,
  sobolTable,
} from './sobol-run';
export {
  defaultSweepRange,
  runSweep,
  type SweepAxis,
  type SweepCell,
  type SweepRun,
  type SweepRunOptions,
  sweepPoints,
  sweepTable,
  sweepValues,
} from './sweep';
export {
  runTornado,
  type SensitivityProgress,
  type TornadoPoint,
  type TornadoRow,
  type TornadoRun,
  type TornadoRunOptions,
  type TornadoTable,
  tornadoPoints,
  tornadoScenarios,
  tornadoTable,
} from './tornado';
