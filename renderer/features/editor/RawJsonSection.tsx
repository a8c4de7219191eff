import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/Card';
import { useActions, useAppState } from '../../state/hooks';
import { RAW_EDITOR_ID } from './issue-nav';

/** Everything in the scenario, as JSON text; validated as you type. */
export function RawJsonSection() {
  const { t } = useTranslation();
  const text = useAppState((s) => s.text);
  const { setText, validateNow } = useActions();
  const format = () => {
    try {
      setText(JSON.stringify(JSON.parse(text), null, 2));
      validateNow();
    } catch {
      validateNow();
    }
  };
  return (
    <div className="screen screen--fill" data-testid="screen-json">
      <ScreenHeader
        title={t('nav.json')}
        subtitle={t('json.subtitle')}
        actions={
          <button type="button" className="btn" onClick={format} data-testid="json-format">
            {t('json.format')}
          </button>
        }
      />
      <textarea
        id={RAW_EDITOR_ID}
        className="raw-json"
        aria-label={t('json.editorLabel')}
        data-testid="raw-json"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={validateNow}
      />
    </div>
  );
}
