// A spec problem in the user's language: the schema's issue code and bounds worded here; a rule the
// studio has no words for keeps the schema's own text.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFmt } from '../../i18n/numbers';
import type { FormProblem } from './optimize-form';

const CUSTOM: Record<string, string> = {
  'expected from < to': 'fromBelowTo',
  'expected at most 1000 steps from `from` to `to`': 'tooManySteps',
  'expected max or min': 'needBound',
};

export function useProblemText(): (p: FormProblem) => string {
  const { t } = useTranslation('optimize');
  const fmt = useFmt();
  return useCallback(
    (p: FormProblem) => {
      const n = (v: number | undefined) => (v === undefined ? '' : fmt.num(v));
      switch (p.code) {
        case 'unpicked':
          return t('problems.pick');
        case 'unknownParam':
          return t('problems.unknownParam');
        case 'invalid_type':
          return t(p.expected === 'int' ? 'problems.integer' : 'problems.number');
        case 'too_small':
          if (p.origin === 'array') return t('problems.items', { count: p.minimum ?? 1 });
          return t(p.inclusive === false ? 'problems.above' : 'problems.atLeast', { value: n(p.minimum) });
        case 'too_big':
          return t(p.inclusive === false ? 'problems.below' : 'problems.atMost', { value: n(p.maximum) });
        case 'custom': {
          const key = CUSTOM[p.message];
          return key ? t(`problems.${key}`) : t('problems.other', { message: p.message });
        }
        default:
          return t('problems.other', { message: p.message });
      }
    },
    [t, fmt],
  );
}
