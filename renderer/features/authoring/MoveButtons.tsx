import { useTranslation } from 'react-i18next';
import { type EntityKind, idsOf, moveEntity } from '../../../sim/index';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';

type Json = Record<string, unknown>;

/** "← Earlier" / "Later →": move element `id` one place in its list (one undo step each). */
export function MoveButtons({
  kind,
  id,
  hint,
  onMoved,
}: {
  kind: EntityKind;
  id: string;
  /** What the order means for this kind (a tooltip). */
  hint?: string;
  onMoved?(index: number): void;
}) {
  const { t } = useTranslation('authoring');
  const store = useStoreApi();
  const { replaceDoc } = useActions();
  const order = useAppState((s) =>
    s.doc && typeof s.doc === 'object' ? idsOf(s.doc as Json, kind).join(' ') : '',
  ).split(' ');
  const position = order.indexOf(id);
  return (
    <>
      {([-1, 1] as const).map((delta) => (
        <button
          key={delta}
          type="button"
          className="btn btn--small"
          onClick={() => {
            const r = moveEntity(store.getState().doc as Json, kind, id, delta);
            replaceDoc(r.doc);
            onMoved?.(r.index);
          }}
          disabled={delta < 0 ? position <= 0 : position === order.length - 1}
          title={hint}
          aria-label={t(delta < 0 ? 'entity.moveEarlierOf' : 'entity.moveLaterOf', { id })}
          data-testid={`${kind}-move-${delta < 0 ? 'earlier' : 'later'}-${id}`}
        >
          {delta < 0 ? t('entity.moveEarlier') : t('entity.moveLater')}
        </button>
      ))}
    </>
  );
}
