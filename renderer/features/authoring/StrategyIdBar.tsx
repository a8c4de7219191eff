import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idsOf, moveEntity, renameEntity } from '../../../sim/index';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { EntityActions } from './EntityActions';

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
  const ids = useAppState((s) =>
    s.doc && typeof s.doc === 'object' ? idsOf(s.doc as Json, 'strategy').join(' ') : '',
  );
  const order = ids.split(' ');
  const position = order.indexOf(id);
  const count = order.length;
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
        {([-1, 1] as const).map((delta) => (
          <button
            key={delta}
            type="button"
            className="btn btn--small"
            onClick={() => {
              const r = moveEntity(doc(), 'strategy', id, delta);
              replaceDoc(r.doc);
              onSelect(r.index);
            }}
            disabled={delta < 0 ? position === 0 : position === count - 1}
            title={t('entity.orderHint')}
            data-testid={`strategy-move-${delta < 0 ? 'earlier' : 'later'}`}
          >
            {delta < 0 ? t('entity.moveEarlier') : t('entity.moveLater')}
          </button>
        ))}
      </div>
      <EntityActions
        kind="strategy"
        id={id}
        onDuplicated={(copy) => onSelect(idsOf(doc(), 'strategy').indexOf(copy))}
      />
    </div>
  );
}
