// Reading challenge and answer files the user picks, and what a learner has used of the budget
// (local storage, per challenge sealing: looking again does not give more pilots).
import type { Challenge } from '../../../sim/index';
import { sealId } from '../../../sim/index';

/** The text of a picked file. */
export function readPicked(file: File): Promise<string> {
  return file.text();
}

const key = (c: Challenge) => `sandtable.challenge.${c.id}.${sealId(c)}`;

export function pilotsUsed(c: Challenge): number {
  try {
    const n = Number(localStorage.getItem(key(c)) ?? 0);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, c.budget.pilots) : 0;
  } catch {
    return 0;
  }
}

export function spendPilot(c: Challenge): number {
  const n = Math.min(pilotsUsed(c) + 1, c.budget.pilots);
  try {
    localStorage.setItem(key(c), String(n));
  } catch {
    // Storage disabled: the count lasts for this session.
  }
  return n;
}
