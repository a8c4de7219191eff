// What a run is asked for, and the raw records it hands back block by block. Below both the API
// and the planner, so either can name a run without importing the other.

export type RunSettings = {
  /** Master seed; default: the scenario's monteCarlo.seed. */
  seed: string;
  /** Total replications of the run (Latin hypercube strata depend on it). */
  replications: number;
};

/** Per-replication records for replications [start, end), laid out by the engine's record layout. */
export type ReplicationBlock = { start: number; end: number; data: Float64Array };
