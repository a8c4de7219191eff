import type { TFunction } from 'i18next';

/** Display names of KYC grid ids (wealth level, life stage, occupation); unknown ids show as-is. */
export function gridLabeler(t: TFunction<'results'>) {
  return {
    wealth: (id: string) => t(`grid.wealth.${id}`, { defaultValue: id.toUpperCase() }),
    lifeStage: (id: string) => t(`grid.lifeStage.${id}`, { defaultValue: id }),
    occupation: (id: string) => t(`grid.occupation.${id}`, { defaultValue: id }),
  };
}
