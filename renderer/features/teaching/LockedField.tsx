import { useTranslation } from 'react-i18next';
import { glossaryEntry } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { InfoButton } from './InfoButton';

/** A parameter the trainer hid: shown with its name and glossary entry, never with a value. */
export function LockedField({ path }: { path: string }) {
  const { t, i18n } = useTranslation('teaching');
  const entry = glossaryEntry(path, i18n.language);
  const id = `locked-${path}`;
  return (
    <FieldShell id={id} label={entry?.term ?? path} hint={path} info={<InfoButton path={path} />}>
      <input
        id={id}
        className="input input--locked"
        data-testid={id}
        disabled
        readOnly
        value=""
        placeholder={t('challenge.hiddenValue')}
        aria-label={t('challenge.hiddenAria', { term: entry?.term ?? path })}
      />
    </FieldShell>
  );
}
