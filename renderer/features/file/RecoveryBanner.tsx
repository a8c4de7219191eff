import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../platform/desktop-api';
import { useActions, useAppState } from '../../state/hooks';

export function RecoveryBanner() {
  const { t, i18n } = useTranslation();
  const recovery = useAppState((s) => s.recovery);
  const { setRecovery, loadText } = useActions();
  if (!recovery) return null;
  const when = recovery.savedAtIso ? new Date(recovery.savedAtIso).toLocaleString(i18n.language) : '';
  return (
    <div className="banner" role="alert" data-testid="recovery-banner">
      <span>{t('file.recoveryFound', { name: recovery.name, when })}</span>
      <button
        type="button"
        className="btn btn--primary btn--small"
        data-testid="recovery-restore"
        onClick={() => {
          loadText(recovery.text, { name: recovery.name, path: recovery.path, isDirty: true });
          setRecovery(null);
        }}
      >
        {t('file.recover')}
      </button>
      <button
        type="button"
        className="btn btn--small"
        data-testid="recovery-discard"
        onClick={() => {
          void desktopApi.clearAutosave();
          setRecovery(null);
        }}
      >
        {t('file.discard')}
      </button>
    </div>
  );
}
