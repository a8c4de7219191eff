// Test helper: render with a fresh i18next instance holding the results and messages namespaces, and the SVG
// chart renderer (jsdom has no canvas).
import { render } from '@testing-library/react';
import { createInstance } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MESSAGE_BUNDLES, MESSAGES_NS } from '../../../messages/index';
import { ChartRendererContext } from '../../components/charts/chart-context';
import { echarts } from '../../components/charts/echarts-setup';
import resultsEn from '../../i18n/results.en.json';
import resultsZh from '../../i18n/results.zh-CN.json';

// jsdom has canvas elements without a 2D context; with no canvas at all, zrender measures text
// from its built-in width table instead of logging "not implemented" on every label.
echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

export function makeI18n(language: 'en' | 'zh-CN' = 'en') {
  const i18n = createInstance();
  void i18n.init({
    resources: {
      en: { results: resultsEn, [MESSAGES_NS]: MESSAGE_BUNDLES.en },
      'zh-CN': { results: resultsZh, [MESSAGES_NS]: MESSAGE_BUNDLES['zh-CN'] },
    },
    lng: language,
    fallbackLng: 'en',
    ns: ['results', MESSAGES_NS],
    defaultNS: 'results',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

export function renderWithI18n(ui: ReactElement, language: 'en' | 'zh-CN' = 'en') {
  const i18n = makeI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <ChartRendererContext.Provider value="svg">{ui}</ChartRendererContext.Provider>
    </I18nextProvider>,
  );
}
