import './teaching.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/Card';
import { ChallengeLearner } from './ChallengeLearner';
import { ClassBoard } from './ClassBoard';
import { openGlossary } from './glossary-store';
import { LessonList } from './LessonList';

const TABS = ['lessons', 'challenge', 'board'] as const;
type Tab = (typeof TABS)[number];

/** Teaching mode: lessons (predict-then-run), a learner's challenge, the trainer's class board. */
export function TeachingScreen() {
  const { t } = useTranslation('teaching');
  const [tab, setTab] = useState<Tab>('lessons');
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
      <div className="teaching__tabs" role="tablist" aria-label={t('screen.title')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'teaching__tab teaching__tab--on' : 'teaching__tab'}
            onClick={() => setTab(id)}
            data-testid={`teaching-tab-${id}`}
          >
            {t(`screen.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'lessons' ? <LessonList /> : tab === 'challenge' ? <ChallengeLearner /> : <ClassBoard />}
    </div>
  );
}
