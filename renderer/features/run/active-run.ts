// One simulation at a time (a run, a comparison or a planner job): the handle that Cancel stops.

/** What Cancel needs of a simulation. */
export type ActiveRun = { cancel(): void };

let current: ActiveRun | null = null;

export function setActiveRun(handle: ActiveRun | null): void {
  current = handle;
}

export function activeRun(): ActiveRun | null {
  return current;
}

export function cancelActiveRun(): void {
  current?.cancel();
}
