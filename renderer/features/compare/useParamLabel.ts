import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paramChoices } from './param-choices';
import { fieldLabel, groupLabel } from './param-labels';

/** A parameter path as the user knows it ("Channel · AI call · Response effect"), else the path. */
export function useParamLabel(doc: unknown): (path: string) => string {
  const { t, i18n } = useTranslation();
  const byPath = useMemo(
    () => new Map(paramChoices(doc, i18n.language).map((c) => [c.path, c])),
    [doc, i18n.language],
  );
  return useCallback(
    (path: string) => {
      const c = byPath.get(path);
      return c && c.field !== null ? `${groupLabel(t, c.group)} · ${fieldLabel(t, c)}` : path;
    },
    [byPath, t],
  );
}
