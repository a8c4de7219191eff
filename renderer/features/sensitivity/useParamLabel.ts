import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paramChoices } from '../compare/param-choices';
import { fieldLabel, groupLabel } from '../compare/param-labels';

/** A parameter path as the user knows it ("Channel · AI call · Response effect"), else the path. */
export function useParamLabel(doc: unknown): (path: string) => string {
  const { t } = useTranslation();
  const byPath = useMemo(() => new Map(paramChoices(doc).map((c) => [c.path, c])), [doc]);
  return useCallback(
    (path: string) => {
      const c = byPath.get(path);
      return c && c.field !== null ? `${groupLabel(t, c.group)} · ${fieldLabel(t, c)}` : path;
    },
    [byPath, t],
  );
}
