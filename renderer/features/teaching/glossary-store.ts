// Whether the glossary is open and which entry it shows. Its own tiny store: opening the glossary
// from an info icon anywhere must not touch the scenario document or its undo history.
import { create } from 'zustand';

type GlossaryState = {
  isOpen: boolean;
  /** A glossary key or scenario path; null shows the list from the top. */
  selected: string | null;
  open(pathOrKey?: string): void;
  select(key: string): void;
  close(): void;
};

export const useGlossaryStore = create<GlossaryState>((set) => ({
  isOpen: false,
  selected: null,
  open: (pathOrKey) => set({ isOpen: true, selected: pathOrKey ?? null }),
  select: (key) => set({ selected: key }),
  close: () => set({ isOpen: false }),
}));

export const openGlossary = (pathOrKey?: string) => useGlossaryStore.getState().open(pathOrKey);
