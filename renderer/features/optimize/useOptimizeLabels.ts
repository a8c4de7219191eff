// How the optimizer screen names things: parameters by Compare's picker labels, values as the
// picker shows them (a channel's label, not its id), outputs and strategies by their names, and
// each output's numbers in its unit.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { useAppState } from '../../state/hooks';
import { paramChoices, valueOptions } from '../compare/param-choices';
import { showValue as showParamValue } from '../compare/param-labels';
import { useParamLabel } from '../compare/useParamLabel';
import { baseDocument } from '../compare/variants';
import { toNumberLocale } from '../results/format';
import { outputFormatter } from '../sensitivity/output-format';

export function useOptimizeLabels() {
  const { t, i18n } = useTranslation();
  const { t: ts } = useTranslation('sensitivity');
  const { t: to } = useTranslation('optimize');
  const fmt = useFmt();
  const doc = useAppState((s) => s.doc);
  const scenario = useAppState((s) => s.scenario);
  const localText = useLocalText();
  const base = useMemo(() => baseDocument(doc), [doc]);
  // Numbers, and ids with a list of options (channels, steps, products …): what a spec can vary.
  const choices = useMemo(
    () =>
      paramChoices(base, i18n.language).filter(
        (c) => typeof c.value === 'number' || (typeof c.value === 'string' && valueOptions(base, c.path)),
      ),
    [base, i18n.language],
  );
  const labelOf = useParamLabel(doc);
  const showValue = useCallback(
    (param: string, v: Choice) => (typeof v === 'number' ? fmt.num(v, 6) : showParamValue(t, base, param, v)),
    [t, base, fmt],
  );
  const locale = toNumberLocale(i18n.language);
  const formatOutput = useCallback(
    (output: string) =>
      outputFormatter(output as Parameters<typeof outputFormatter>[0], locale) ??
      ((v: number) => fmt.num(v, 4)),
    [locale, fmt],
  );
  const outputName = useCallback((o: string) => ts(`messages:output.${o}`, { defaultValue: o }), [ts]);
  const strategyName = useCallback(
    (id: string | null) => {
      if (id === null) return to('goal.allStrategies');
      const s = scenario?.strategies.find((x) => x.id === id);
      return s ? localText(s.label) || id : id;
    },
    [scenario, localText, to],
  );
  return { base, choices, labelOf, showValue, formatOutput, outputName, strategyName };
}

export type OptimizeLabels = ReturnType<typeof useOptimizeLabels>;
