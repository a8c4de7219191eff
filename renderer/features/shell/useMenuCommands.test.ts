// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { setupStore } from '../../test/render';
import { handleMenuCommand } from './useMenuCommands';

describe('native menu commands', () => {
  it('switch language, open About and start a new scenario from the blank template', async () => {
    const store = await setupStore();
    handleMenuCommand(store, 'view:lang-zh-CN');
    await new Promise((r) => setTimeout(r, 0));
    expect(i18next.language).toBe('zh-CN');
    handleMenuCommand(store, 'view:lang-en');
    await new Promise((r) => setTimeout(r, 0));
    expect(i18next.language).toBe('en');

    handleMenuCommand(store, 'help:about');
    expect(store.getState().isAboutOpen).toBe(true);

    store.getState().setField('meta.name', 'Edited');
    store.getState().markSaved({ name: 'mine.json', path: '/tmp/mine.json' });
    handleMenuCommand(store, 'file:new');
    expect(store.getState().fileName).toBe('untitled.json');
    expect(store.getState().filePath).toBeNull();
    // A blank but valid scenario: the default channels of the three wheels, one starter strategy.
    const fresh = store.getState().scenario;
    expect(fresh?.meta.name).toEqual({ 'zh-CN': '新方案', en: 'New scenario' });
    expect(new Set(fresh?.channels.map((c) => c.wheel))).toEqual(new Set(['online', 'remote', 'offline']));
    expect(fresh?.strategies.map((s) => s.id)).toEqual(['first_strategy']);
  });
});
