import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFingerprint } from '../../sim/index';
import { createAppStore, type Variant } from './store';

const TEXT = readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8');
const v2: Variant = {
  id: 'v2',
  name: 'More holdout',
  overrides: [{ path: 'strategies[omni_fund].holdout.share', value: 0.3 }],
};

describe('compare variants in the scenario document', () => {
  it('keeps offered defaults out of the file, saves edited variants in it, and loads them back', () => {
    const store = createAppStore();
    store.getState().loadText(TEXT, { name: 'a.json', path: null });
    store.getState().setVariants([v2], { isSaved: false });
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState().isDirty).toBe(false);

    store.getState().setVariants([v2]);
    const saved = store.getState().text;
    expect(JSON.parse(saved).compare).toEqual({ variants: [v2] });
    expect(store.getState().isDirty).toBe(true);
    // Runs do not read the variants: results stay current.
    expect(scenarioFingerprint(saved)).toBe(scenarioFingerprint(TEXT));

    const reopened = createAppStore();
    reopened.getState().loadText(saved, { name: 'a.json', path: null });
    expect(reopened.getState().variants).toEqual([v2]);
  });

  it('undoes a variant edit with the document', () => {
    const store = createAppStore();
    store.getState().loadText(TEXT, { name: 'a.json', path: null });
    store.getState().setVariants([v2]);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState().variants).toEqual([]);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().variants).toEqual([v2]);
  });
});
