// The public face of the core: the types and pure functions the studio (renderer/) and the shell
// (main/) may use. Simulation work goes through the other door, the worker API (`SimWorkerApi`,
// reached through renderer/sim-client). Biome's noRestrictedImports keeps renderer/ and main/ off
// every other module of sim/, so the inside can move without breaking them.

export type { SimApi, SimWorkerApi } from './api';
export { defaultSettings, simApi } from './api';
// Runs and their results.
export { MAX_BLOCK, planBlocks, type ReplicationRange, shardRange } from './blocks';
// Calibration: the observed-pilot format, its checks, and the ABC fit of a scenario's priors.
export {
  type BlockRunner,
  type CalibrationOptions,
  type CalibrationParam,
  type CalibrationProgress,
  type CalibrationReport,
  calibrate,
  type ParamResult,
  type SummaryCheck,
  widePrior,
} from './calibration/abc';
export { CALIBRATION_ERROR_CODES, CalibrationError } from './calibration/errors';
export {
  NAIVE_METRICS,
  type NaiveCheckOptions,
  type NaiveCheckReport,
  type NaiveMetric,
  type NaiveMetricResult,
  naiveCheck,
  REPRODUCED_WITHIN,
} from './calibration/naive-check';
export { type ArmTotals, type CheckedPilot, checkObserved } from './calibration/observed-check';
export * from './calibration/observed-format';
export { type ObservedIssue, type ObservedRead, readObservedText } from './calibration/observed-read';
export {
  observedFromRecord,
  observedPilotScenario,
  observedRows,
  pilotDataReplication,
  pilotDataScenario,
  pilotRunSettings,
} from './calibration/pilot-data';
export {
  type BandChange,
  compareRollouts,
  type RolloutComparison,
  rolloutNarrowing,
  type StrategyNarrowing,
} from './calibration/rollout-narrowing';
export { SUMMARY_IDS, type SummaryId } from './calibration/summaries';
// CSV, the one writer for every export (formula-like text defused).
export { type CsvCell, type CsvOptions, csvCell, toCsv } from './csv';
export { type EstimateMessage, estimateMessage, estimateRun, type RunEstimate } from './estimate';
export {
  type AbortSignalLike,
  type ExecuteOptions,
  type Executor,
  ExecutorError,
  RunCancelled,
} from './executor';
// Building a scenario: a blank start, use-case fragments (scenarios/library/) and their insertion,
// and edits that add, duplicate, move, rename or delete an element without dangling references.
export { type Fragment, FragmentSchema, validateFragment } from './library/fragment';
export { type InsertResult, insertFragment } from './library/insert';
// The planner: analytic power, branch selection, the simulated pilot and the rollout.
export * from './planner/analytic';
export {
  type BalanceRow,
  type BranchInfo,
  type BranchSelection,
  balanceTable,
  branchInfos,
  IMBALANCE_THRESHOLD,
  type SelectionMethod,
  SRM_P_THRESHOLD,
  type SrmResult,
  type StratifyBy,
  sampleRatioMismatch,
  selectBranches,
} from './planner/branch-selection';
export { PLANNER_ERROR_CODES, type PlannerErrorCode } from './planner/errors';
export { crossing, pilotGrid, simulatePilotPlan } from './planner/pilot-sim';
export * from './planner/pilot-types';
export { type PlannerPrefill, plannerPrefill } from './planner/prefill';
export {
  CAPACITY_FLAG_SHARE,
  type CapacityCheck,
  defaultRolloutStages,
  forecastRollout,
  type RolloutForecast,
  type RolloutStage,
  type StrategyForecast,
} from './planner/rollout';
export * from './results';
export type { ReplicationBlock, RunSettings } from './run-settings';
// Scenarios: schema, loading, validation issues (codes), paths into a scenario file.
export * from './scenario';
export { blankScenario } from './scenario/blank';
export { branchName } from './scenario/cross-check';
export {
  formatPath,
  getIn,
  isWithin,
  type PathSeg,
  parentPath,
  parsePath,
  setIn,
} from './scenario/doc-path';
export { scenarioFingerprint } from './scenario/fingerprint';
export { getValue, type ParamValue, parseParamPath, setValue, type ValueRead } from './scenario/param-path';
export * from './scenario/references';
// Sensitivity: the assumption ledger and the tornado (runs through an Executor).
export * from './sensitivity/index';

// Statistics over per-replication samples.
export { normalInterval, zForLevel } from './stats/interval';
export {
  type PairedDifference,
  pairedDifference,
  quantileSorted,
  statOf,
  upliftOf,
} from './stats/summary';
// Teaching: sealed challenges, their scoring rules and the class board.
export { type BoardRow, type ClassBoard, classBoard, MISTAKES, type Mistake } from './teaching/board';
export {
  BEST_OF_METRICS,
  type Challenge,
  type ChallengeAnswer,
  ChallengeError,
  type ChallengeTask,
  loadAnswerText,
  loadChallengeText,
  makeAnswer,
  makeChallenge,
  type Observation,
  openChallenge,
  sealId,
  type Truth,
  withoutHidden,
} from './teaching/challenge';
// Teaching: the glossary of every parameter and result figure.
export {
  GLOSSARY_SOURCES,
  type GlossaryEntry,
  type GlossarySource,
  glossaryEntry,
  glossaryKeyOf,
  glossaryKeys,
  OUTPUT_IDS,
  type OutputId,
  searchGlossary,
} from './teaching/glossary';
// Teaching: lessons (predict-then-run) and the figures their questions ask about.
export {
  LESSON_KIND,
  LESSON_SCREENS,
  LESSON_VERSION,
  type Lesson,
  type LessonQuestion,
  type LessonResult,
  LessonSchema,
  type LessonStep,
  loadLessonText,
  type PredictionScore,
  STUDIO_PARTS,
  type StudioPart,
  scorePrediction,
  validateLesson,
} from './teaching/lesson';
export { METRICS, type Metric, metricValue } from './teaching/metrics';
export { bestOfScore, intervalScore, pilotDesignScore } from './teaching/scoring';
export { SealError } from './teaching/seal';
