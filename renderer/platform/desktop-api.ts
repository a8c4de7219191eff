// The renderer's one door to the desktop: the preload's `window.sandtable` in Electron, the web
// adapter in a plain browser. Nothing else in the renderer touches Electron or the file system.
import type { DesktopApi } from '../../main/ipc-contract';
import { webAdapter } from './web-adapter';

declare global {
  interface Window {
    sandtable?: DesktopApi;
  }
}

export const desktopApi: DesktopApi = (typeof window !== 'undefined' && window.sandtable) || webAdapter;
