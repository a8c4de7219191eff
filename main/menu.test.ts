// Runtime: Node (vitest). The native menu template in both languages, and what its items send.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { resolveShellLocale, type ShellLocale, shellStrings } from './i18n';
import type { MenuCommand } from './ipc-contract';
import { buildMenuTemplate } from './menu';

const submenu = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.call(undefined);

function build(locale: ShellLocale, recent: string[] = ['/docs/a.json', '/docs/R&D.json'], isMac = false) {
  const onCommand = vi.fn<(cmd: MenuCommand) => void>();
  return {
    menu: buildMenuTemplate({ recent, locale, onCommand, isMac }),
    onCommand,
    t: shellStrings(locale),
  };
}

describe.each(['en', 'zh-CN'] as const)('menu (%s)', (locale) => {
  it('has File, Edit, View and Help', () => {
    const { menu, t } = build(locale);
    expect(menu.map((m) => m.label)).toEqual([t.file, t.edit, t.view, t.help]);
  });

  it('File has New, Open…, Open Recent, Save, Save As…, Export ▸ PDF/JSON/CSV and Quit', () => {
    const { menu, onCommand, t } = build(locale);
    const file = submenu(menu[0]);
    const sends: Array<[string, MenuCommand]> = [
      [t.new, 'file:new'],
      [t.open, 'file:open'],
      [t.save, 'file:save'],
      [t.saveAs, 'file:save-as'],
    ];
    for (const [label, cmd] of sends) {
      click(byLabel(file, label));
      expect(onCommand).toHaveBeenLastCalledWith(cmd);
    }
    const exports = submenu(byLabel(file, t.export));
    expect(exports.map((i) => i.label)).toEqual([t.exportPdf, t.exportJson, t.exportCsv]);
    exports.forEach(click);
    expect(onCommand.mock.calls.slice(-3).flat()).toEqual([
      'file:export-pdf',
      'file:export-json',
      'file:export-csv',
    ]);
    const recent = submenu(byLabel(file, t.openRecent));
    expect(recent.map((i) => i.label)).toEqual(['/docs/a.json', '/docs/R&&D.json']);
    click(recent[1]);
    expect(onCommand).toHaveBeenLastCalledWith({ type: 'file:open-recent', path: '/docs/R&D.json' });
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: t.quit });
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const { menu, t } = build(locale, []);
    expect(submenu(byLabel(submenu(menu[0]), t.openRecent))).toEqual([{ label: t.noRecent, enabled: false }]);
  });

  it('Edit: Undo / Redo go to the renderer (keys left to the page), the clipboard uses the standard roles', () => {
    const { menu, onCommand, t } = build(locale);
    const edit = submenu(menu[1]);
    expect(edit.map((i) => i.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    const undo = byLabel(edit, t.undo);
    const redo = byLabel(edit, t.redo);
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'CmdOrCtrl+Y', registerAccelerator: false });
    click(undo);
    click(redo);
    expect(onCommand.mock.calls.flat()).toEqual(['edit:undo', 'edit:redo']);
  });

  it('View has Language ▸ English / 简体中文 (current one checked), reload, devtools and zoom', () => {
    const { menu, onCommand, t } = build(locale);
    const view = submenu(menu[2]);
    const languages = submenu(byLabel(view, t.language));
    expect(languages.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['English', 'radio', locale === 'en'],
      ['简体中文', 'radio', locale === 'zh-CN'],
    ]);
    languages.forEach(click);
    expect(onCommand.mock.calls.flat()).toEqual(['view:lang-en', 'view:lang-zh-CN']);
    expect(view.map((i) => i.role)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut']),
    );
  });

  it('Help has About', () => {
    const { menu, onCommand, t } = build(locale);
    click(byLabel(submenu(menu[3]), t.about));
    expect(onCommand).toHaveBeenLastCalledWith('help:about');
  });
});

describe('menu details', () => {
  it('labels differ between the languages', () => {
    expect(build('zh-CN').menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(build('en').menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('on macOS starts with the app menu and closes the window from File instead of quitting', () => {
    const { menu } = build('en', [], true);
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(submenu(menu[1]).at(-1)).toEqual({ role: 'close' });
  });

  it('picks zh-CN for any Chinese system locale and English otherwise', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-tw'].map(resolveShellLocale)).toEqual(Array(4).fill('zh-CN'));
    expect(['en-US', 'de', '', undefined].map(resolveShellLocale)).toEqual(Array(4).fill('en'));
  });
});
