import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idsOf, renameEntity } from '../../../sim/index';
import { useActions, useStoreApi } from '../../state/hooks';
import { EntityActions } from './EntityActions';
import { MoveButtons } from './MoveButtons';

type Json = Record<string, unknown>;
const ID = /^[a-z][a-z0-9_]*$/;

/** The selected strategy's id (editable: a rename updates every reference) with Duplicate and Delete. */
export function StrategyIdBar({ id, onSelect }: { id: string; onSelect(index: number): void }) {
  const { t } = useTranslation('authoring');
  const store = useStoreApi();
  const { replaceDoc } = useActions();
  const [draft, setDraft] = useState(id);
  useEffect(() => setDraft(id), [id]);
  const doc = () => store.getState().doc as Json;
  const problem =
    draft === id
      ? null
      : !ID.test(draft)
        ? t('entity.idInvalid')
        : idsOf(doc(), 'strategy').includes(draft)
          ? t('entity.idTaken', { id: draft })
          : null;
  const commit = () => {
    if (draft !== id && problem === null) replaceDoc(renameEntity(doc(), 'strategy', id, draft));
  };
  return (
    <div className="strategy-id-bar">
      <label className={`field${problem ? ' field--error' : ''}`}>
        <span className="field__label">{t('entity.id')}</span>
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value.trim())}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(id);
          }}
          aria-invalid={problem !== null}
          title={t('entity.idHint')}
          data-testid="strategy-id"
        />
        {problem ? (
          <span className="field__errors" role="alert">
            {problem}
          </span>
        ) : null}
      </label>
      <div className="entity-actions">
        <MoveButtons kind="strategy" id={id} hint={t('entity.orderHint')} onMoved={onSelect} />
      </div>
      <EntityActions
        kind="strategy"
        id={id}
        onDuplicated={(copy) => onSelect(idsOf(doc(), 'strategy').indexOf(copy))}
      />
    </div>
  );
}
