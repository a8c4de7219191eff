// One simulation at a time (a run or a comparison): the handle that Cancel stops.
import type { RunHandle } from '../../sim-client/pool';

let current: RunHandle | null = null;

export function setActiveRun(handle: RunHandle | null): void {
  current = handle;
}

export function activeRun(): RunHandle | null {
  return current;
}

export function cancelActiveRun(): void {
  current?.cancel();
}
