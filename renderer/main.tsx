// Renderer entry: language first (saved choice, else the system locale), then the default example,
// then the app. The root gets data-testid="app-ready" once both are in place.
import './styles/app.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DEFAULT_EXAMPLE } from './features/file/examples';
import { initI18n, savedLanguage, toLanguage } from './i18n';
import { desktopApi } from './platform/desktop-api';
import { appStore } from './state/hooks';

async function start(): Promise<void> {
  const locale = await desktopApi.systemLocale().catch(() => null);
  await initI18n(savedLanguage() ?? toLanguage(locale?.ok ? locale.value : navigator.language));
  appStore.getState().loadText(DEFAULT_EXAMPLE.text, { name: DEFAULT_EXAMPLE.file, path: null });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
