import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { desktopApi } from '../../platform/desktop-api';
import { useActions, useAppState } from '../../state/hooks';

export function AboutDialog() {
  const { t } = useTranslation();
  const isOpen = useAppState((s) => s.isAboutOpen);
  const { setAboutOpen } = useActions();
  if (!isOpen) return null;
  const close = () => setAboutOpen(false);
  return (
    <Dialog
      title={t('about.title')}
      onClose={close}
      testId="about-dialog"
      actions={
        <button type="button" className="btn btn--primary" onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      <p>{t('about.body')}</p>
      <p className="muted">{t('about.platform', { platform: desktopApi.platform })}</p>
    </Dialog>
  );
}
