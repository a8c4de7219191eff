// Test helpers: a store loaded with the default example and i18n in English.
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ScenarioInput } from '../../sim/index';
import { initI18n } from '../i18n';
import { StoreContext } from '../state/hooks';
import { type AppStoreApi, createAppStore } from '../state/store';

export const EXAMPLE_TEXT = readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8');

export async function setupStore(edit?: (doc: ScenarioInput) => void): Promise<AppStoreApi> {
  await initI18n('en');
  const store = createAppStore({ workers: 3 });
  const doc = JSON.parse(EXAMPLE_TEXT);
  edit?.(doc);
  store
    .getState()
    .loadText(edit ? JSON.stringify(doc, null, 2) : EXAMPLE_TEXT, { name: 'example.json', path: null });
  return store;
}

export function renderWithStore(store: AppStoreApi, ui: ReactElement) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}
