// Runtime: Electron main (Node). Strings the shell itself shows (menus, native dialogs) in the two
// languages the app ships; the renderer has its own i18n for everything else.
export type ShellLocale = 'en' | 'zh-CN';

export const SHELL_LOCALES: readonly ShellLocale[] = ['en', 'zh-CN'];

export type ShellStrings = {
  file: string;
  new: string;
  open: string;
  openRecent: string;
  noRecent: string;
  save: string;
  saveAs: string;
  export: string;
  exportPdf: string;
  exportJson: string;
  exportCsv: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  view: string;
  language: string;
  help: string;
  about: string;
  scenarioFilter: string;
  unsavedTitle: string;
  unsavedMessage: (name: string) => string;
  unsavedDetail: string;
  saveButton: string;
  discardButton: string;
  cancelButton: string;
  replaceMessage: (name: string) => string;
  replaceDetail: string;
  replaceButton: string;
};

const en: ShellStrings = {
  file: '&File',
  new: 'New',
  open: 'Open…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Files',
  save: 'Save',
  saveAs: 'Save As…',
  export: 'Export',
  exportPdf: 'Report PDF…',
  exportJson: 'Results JSON…',
  exportCsv: 'Results CSV…',
  quit: 'Quit',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  view: '&View',
  language: 'Language',
  help: '&Help',
  about: 'About Sandtable',
  scenarioFilter: 'Sandtable scenario',
  unsavedTitle: 'Unsaved changes',
  unsavedMessage: (name) => `Save changes to “${name}” before closing?`,
  unsavedDetail: 'Your changes will be lost if you don’t save them.',
  saveButton: 'Save',
  discardButton: 'Don’t Save',
  cancelButton: 'Cancel',
  replaceMessage: (name) => `“${name}” already exists. Do you want to replace it?`,
  replaceDetail: 'The file will be overwritten with the new contents.',
  replaceButton: 'Replace',
};

const zhCN: ShellStrings = {
  file: '文件(&F)',
  new: '新建',
  open: '打开…',
  openRecent: '最近打开',
  noRecent: '无最近文件',
  save: '保存',
  saveAs: '另存为…',
  export: '导出',
  exportPdf: '报告 PDF…',
  exportJson: '结果 JSON…',
  exportCsv: '结果 CSV…',
  quit: '退出',
  edit: '编辑(&E)',
  undo: '撤销',
  redo: '重做',
  view: '视图(&V)',
  language: '语言',
  help: '帮助(&H)',
  about: '关于 Sandtable',
  scenarioFilter: 'Sandtable 场景',
  unsavedTitle: '未保存的更改',
  unsavedMessage: (name) => `关闭前是否保存对“${name}”的更改？`,
  unsavedDetail: '如果不保存，您的更改将会丢失。',
  saveButton: '保存',
  discardButton: '不保存',
  cancelButton: '取消',
  replaceMessage: (name) => `“${name}”已存在。要替换它吗？`,
  replaceDetail: '该文件将被新内容覆盖。',
  replaceButton: '替换',
};

const TABLE: Record<ShellLocale, ShellStrings> = { en, 'zh-CN': zhCN };

export function shellStrings(locale: ShellLocale): ShellStrings {
  return TABLE[locale];
}

/** Any Chinese system locale (zh, zh-CN, zh-Hans-CN, zh-TW…) gets zh-CN; everything else English. */
export function resolveShellLocale(systemLocale: string | undefined): ShellLocale {
  return systemLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Language names are always shown in their own language. */
export const LANGUAGE_NAMES: Record<ShellLocale, string> = { en: 'English', 'zh-CN': '简体中文' };
