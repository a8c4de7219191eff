import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isPacedEnvironment } from './components/charts/chart-scheduler';
import { warmUpCharts } from './components/charts/chart-warmup';
import { OverviewSection } from './features/authoring/OverviewSection';
import { CalibrationScreen } from './features/calibration/CalibrationScreen';
import { CompareScreen } from './features/compare/CompareScreen';
import { CalendarSection } from './features/editor/CalendarSection';
import { ChannelsSection } from './features/editor/ChannelsSection';
import { IssuesPanel } from './features/editor/IssuesPanel';
import { OffersSection } from './features/editor/OffersSection';
import { PopulationSection } from './features/editor/PopulationSection';
import { RawJsonSection } from './features/editor/RawJsonSection';
import { StrategiesSection } from './features/editor/StrategiesSection';
import { useValidation } from './features/editor/useValidation';
import { OpenErrorDialog } from './features/file/OpenErrorDialog';
import { RecoveryBanner } from './features/file/RecoveryBanner';
import { useAutosave, useDirtySync } from './features/file/useAutosave';
import { OptimizeScreen } from './features/optimize/OptimizeScreen';
import { PlannerScreen } from './features/planner/PlannerScreen';
import { ReportScreen } from './features/report/ReportScreen';
import { LedgerScreen } from './features/sensitivity/LedgerScreen';
import { SensitivityScreen } from './features/sensitivity/SensitivityScreen';
import { AboutDialog } from './features/shell/AboutDialog';
import { SideNav } from './features/shell/SideNav';
import { Toaster } from './features/shell/Toaster';
import { TopBar } from './features/shell/TopBar';
import { useMenuCommands } from './features/shell/useMenuCommands';
import { useUndoShortcuts } from './features/shell/useUndoShortcuts';
import { GlossaryDialog } from './features/teaching/GlossaryDialog';
import { LessonPanel } from './features/teaching/LessonPanel';
import { TeachingScreen } from './features/teaching/TeachingScreen';
import { useAppState } from './state/hooks';
import type { ScreenId } from './state/store';

const SCREENS: Record<ScreenId, () => React.JSX.Element> = {
  overview: OverviewSection,
  population: PopulationSection,
  offers: OffersSection,
  strategies: StrategiesSection,
  channels: ChannelsSection,
  calendar: CalendarSection,
  json: RawJsonSection,
  results: ReportScreen,
  compare: CompareScreen,
  planner: PlannerScreen,
  teaching: TeachingScreen,
  calibration: CalibrationScreen,
  assumptions: LedgerScreen,
  sensitivity: SensitivityScreen,
  optimize: OptimizeScreen,
};

const EDITOR: ReadonlySet<ScreenId> = new Set([
  'overview',
  'population',
  'offers',
  'strategies',
  'channels',
  'calendar',
  'assumptions',
  'json',
]);

export function App() {
  const { ready } = useTranslation();
  const screen = useAppState((s) => s.screen);
  const hasScenario = useAppState((s) => s.text !== '');
  useValidation();
  useAutosave();
  useDirtySync();
  useMenuCommands();
  useUndoShortcuts();
  const mainRef = useRef<HTMLElement>(null);
  // Compile the chart code while the studio is idle, not while the first results stream in.
  useEffect(() => (isPacedEnvironment() ? warmUpCharts() : undefined), []);
  useEffect(() => {
    // A new screen starts at its top (each screen otherwise keeps the last one's scroll).
    if (screen) mainRef.current?.scrollTo?.({ top: 0 });
  }, [screen]);
  const Screen = SCREENS[screen];
  return (
    <div className="app" data-testid={ready && hasScenario ? 'app-ready' : 'app-loading'}>
      <TopBar />
      <RecoveryBanner />
      <div className="app__body">
        <SideNav />
        <main ref={mainRef} className={`app__main app__main--${screen}`}>
          <Screen />
        </main>
        {EDITOR.has(screen) ? <IssuesPanel /> : null}
      </div>
      <OpenErrorDialog />
      <AboutDialog />
      <GlossaryDialog />
      <LessonPanel />
      <Toaster />
    </div>
  );
}
