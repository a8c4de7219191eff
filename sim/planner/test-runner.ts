// For tests: a plan runner in this thread, the simulation API as the workers run it.
import { simApi } from '../api';
import type { PilotRunner } from './pilot-types';

export const inProcessRunner: PilotRunner = async (scenario, settings, point) =>
  simApi.readPlanRun(
    scenario,
    settings,
    [simApi.runBlock(scenario, settings, 0, settings.replications)],
    point,
  );
