import './teaching.css';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/Card';
import { openGlossary } from './glossary-store';
import { LessonList } from './LessonList';

/** Teaching mode: the lessons (predict-then-run), and the glossary. */
export function TeachingScreen() {
  const { t } = useTranslation('teaching');
  return (
    <div className="screen teaching" data-testid="screen-teaching">
      <ScreenHeader
        title={t('screen.title')}
        subtitle={t('screen.subtitle')}
        actions={
          <button
            type="button"
            className="btn"
            onClick={() => openGlossary()}
            data-testid="teaching-glossary"
          >
            {t('glossary.title')}
          </button>
        }
      />
      <h3 className="teaching__heading">{t('screen.lessons')}</h3>
      <LessonList />
    </div>
  );
}
