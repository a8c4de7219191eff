import type { ScreenId } from '../../state/store';

/** The overview, then the editor in 3K order (KYC → KYP → KYATO → calendar), then the raw JSON, then the outputs. */
export const EDITOR_SCREENS: ReadonlyArray<{ id: ScreenId; step?: string }> = [
  { id: 'overview' },
  { id: 'population', step: 'KYC' },
  { id: 'offers', step: 'KYP' },
  { id: 'strategies', step: 'KYATO' },
  { id: 'channels', step: 'KYATO' },
  { id: 'calendar' },
  { id: 'assumptions' },
  { id: 'json' },
];

export const OUTPUT_SCREENS: ReadonlyArray<{ id: ScreenId; isComingSoon?: boolean }> = [
  { id: 'results' },
  { id: 'compare' },
  { id: 'planner' },
  { id: 'teaching' },
  { id: 'calibration' },
  { id: 'sensitivity' },
  { id: 'optimize' },
];
