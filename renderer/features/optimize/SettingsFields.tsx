import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useFmt } from '../../i18n/numbers';
import {
  type DraftCheck,
  type OptimizeDraft,
  problemsAt,
  settingFields,
  suggestedIndifference,
} from './optimize-form';
import { useProblemText } from './problem-text';

/**
 * The spec's number settings, group by group (screening, selection, and any group the core adds:
 * read from the schema), each with its default as placeholder and a help line.
 */
export function SettingsFields({
  draft,
  check,
  isLocked,
  onChange,
}: {
  draft: OptimizeDraft;
  check: DraftCheck;
  isLocked: boolean;
  onChange(d: OptimizeDraft): void;
}) {
  const { t } = useTranslation('optimize');
  const fmt = useFmt();
  const say = useProblemText();
  const fields = useMemo(() => settingFields(), []);
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <>
      {groups.map((group) => (
        <fieldset key={group} className="opt-settings" data-testid={`opt-settings-${group}`}>
          <legend>{t(`settings.${group}.title`, { defaultValue: group })}</legend>
          <div className="opt-grid">
            {fields
              .filter((f) => f.group === group)
              .map((f) => {
                const id = `opt-${group}-${f.key}`;
                const path = `${group}.${f.key}`;
                const given = draft.settings[group]?.[f.key];
                const fallback =
                  f.defaultValue ??
                  (path === 'selection.indifference'
                    ? suggestedIndifference(draft.objective.output)
                    : undefined);
                return (
                  <FieldShell
                    key={f.key}
                    id={id}
                    label={t(`settings.${group}.${f.key}.label`, { defaultValue: f.key })}
                    hint={`${t(`settings.${group}.${f.key}.hint`, { defaultValue: '' })}${
                      fallback === undefined
                        ? ''
                        : ` ${t('settings.default', { value: fmt.num(fallback, 4) })}`
                    }`.trim()}
                    errors={problemsAt(check, path).map(say)}
                  >
                    <NumberInput
                      id={id}
                      testId={id}
                      value={given}
                      placeholder={fallback === undefined ? undefined : String(fallback)}
                      disabled={isLocked}
                      onChange={(v) =>
                        onChange({
                          ...draft,
                          settings: { ...draft.settings, [group]: { ...draft.settings[group], [f.key]: v } },
                        })
                      }
                    />
                  </FieldShell>
                );
              })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
