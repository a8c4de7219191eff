import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../../i18n';

const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <label className="lang">
      <span className="sr-only">{t('top.language')}</span>
      <select
        className="input input--select input--bar"
        aria-label={t('top.language')}
        data-testid="language-switch"
        value={current}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {(Object.keys(NAMES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
