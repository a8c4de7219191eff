import './authoring.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addEntity, duplicateEntity, type EntityKind, idsOf } from '../../../sim/index';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { DeleteDialog } from './DeleteDialog';
import { MoveButtons } from './MoveButtons';

type Json = Record<string, unknown>;

/**
 * A card's actions for one element: move earlier/later (where the order is the user's to choose),
 * Duplicate (where a copy can be valid) and Delete.
 */
export function EntityActions({
  kind,
  id,
  onDuplicated,
  canMove = false,
  canDuplicate = true,
}: {
  kind: EntityKind;
  id: string;
  onDuplicated?(id: string): void;
  canMove?: boolean;
  canDuplicate?: boolean;
}) {
  const { t } = useTranslation('authoring');
  const store = useStoreApi();
  const { replaceDoc } = useActions();
  const count = useAppState((s) =>
    s.doc && typeof s.doc === 'object' ? idsOf(s.doc as Json, kind).length : 0,
  );
  const [isDeleting, setDeleting] = useState(false);
  // The format needs at least one of each list except incentives.
  const isLast = kind !== 'incentive' && count <= 1;
  const duplicate = () => {
    const r = duplicateEntity(store.getState().doc as Json, kind, id);
    replaceDoc(r.doc);
    onDuplicated?.(r.id);
  };
  return (
    <div className="entity-actions">
      {canMove ? <MoveButtons kind={kind} id={id} /> : null}
      {canDuplicate ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={duplicate}
          aria-label={t('entity.duplicateOf', { id })}
          data-testid={`duplicate-${kind}-${id}`}
        >
          {t('entity.duplicate')}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn--small btn--danger-outline"
        onClick={() => setDeleting(true)}
        disabled={isLast}
        title={isLast ? t('entity.lastOne', { kind: t(`kind.${kind}`) }) : undefined}
        aria-label={t('entity.deleteOf', { id })}
        data-testid={`delete-${kind}-${id}`}
      >
        {t('entity.delete')}
      </button>
      {isDeleting ? <DeleteDialog kind={kind} id={id} onClose={() => setDeleting(false)} /> : null}
    </div>
  );
}

/** "+ Add product" and the like: a new element from the blank scenario's defaults. */
export function AddEntityButton({ kind, onAdded }: { kind: EntityKind; onAdded?(index: number): void }) {
  const { t } = useTranslation('authoring');
  const store = useStoreApi();
  const { replaceDoc } = useActions();
  const add = () => {
    const doc = store.getState().doc;
    if (doc === null || typeof doc !== 'object') return;
    const r = addEntity(doc as Json, kind);
    replaceDoc(r.doc);
    onAdded?.(r.index);
  };
  return (
    <button type="button" className="btn" onClick={add} data-testid={`add-${kind}`}>
      {t(`entity.add.${kind}`)}
    </button>
  );
}
