import { useTranslation } from 'react-i18next';
import { useDocValue } from '../../state/hooks';
import { ScenarioText } from '../editor/fields';

/**
 * A scenario text that may be written once or in both languages: a plain string is edited as it
 * is; a bilingual one in the user's language (the other language is kept as it was).
 */
export function LocalTextField({
  path,
  label,
  wide,
  multiline,
}: {
  path: string;
  label: string;
  wide?: boolean;
  multiline?: boolean;
}) {
  const { t, i18n } = useTranslation('authoring');
  const value = useDocValue(path);
  const isBilingual = value !== null && typeof value === 'object';
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return (
    <ScenarioText
      path={isBilingual ? `${path}.${lang}` : path}
      label={isBilingual ? t('overview.inLanguage', { label }) : label}
      wide={wide}
      multiline={multiline}
    />
  );
}
