// i18next with two languages, English and Simplified Chinese, bundled at build time.
// The app's own strings are the default namespace; the results dashboard has 'results', the planner
// 'planner', building a scenario (library, overview, add/delete) 'authoring', teaching mode 'teaching',
// the run's cost estimate 'estimate', the assumption ledger and sensitivity analyses 'sensitivity', the optimizer 'optimize';
// the core's messages
// (issues, planner notes) come from the shared catalogue as 'messages'.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_BUNDLES, MESSAGES_NS } from '../../messages/index';
import authoringEn from './authoring.en.json';
import authoringZh from './authoring.zh-CN.json';
import calibrationEn from './calibration.en.json';
import calibrationZh from './calibration.zh-CN.json';
import en from './en.json';
import estimateEn from './estimate.en.json';
import estimateZh from './estimate.zh-CN.json';
import optimizeEn from './optimize.en.json';
import optimizeZh from './optimize.zh-CN.json';
import plannerEn from './planner.en.json';
import plannerZh from './planner.zh-CN.json';
import resultsEn from './results.en.json';
import resultsZh from './results.zh-CN.json';
import sensitivityEn from './sensitivity.en.json';
import sensitivityZh from './sensitivity.zh-CN.json';
import teachingEn from './teaching.en.json';
import teachingZh from './teaching.zh-CN.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'sandtable.language';

/** Map a system/browser locale ("zh", "zh-Hans-CN", "en-GB") to a supported language. */
export function toLanguage(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

export async function initI18n(language: Language): Promise<I18n> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: {
        en: {
          translation: en,
          results: resultsEn,
          planner: plannerEn,
          authoring: authoringEn,
          teaching: teachingEn,
          calibration: calibrationEn,
          estimate: estimateEn,
          sensitivity: sensitivityEn,
          optimize: optimizeEn,
          [MESSAGES_NS]: MESSAGE_BUNDLES.en,
        },
        'zh-CN': {
          translation: zhCN,
          results: resultsZh,
          planner: plannerZh,
          authoring: authoringZh,
          teaching: teachingZh,
          calibration: calibrationZh,
          estimate: estimateZh,
          sensitivity: sensitivityZh,
          optimize: optimizeZh,
          [MESSAGES_NS]: MESSAGE_BUNDLES['zh-CN'],
        },
      },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: [
        'translation',
        'results',
        'planner',
        'authoring',
        'teaching',
        'calibration',
        'estimate',
        'sensitivity',
        'optimize',
        MESSAGES_NS,
      ],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this session only.
  }
}

export { i18next };
