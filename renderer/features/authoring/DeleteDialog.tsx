import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteEntity, deletionChanges, type EntityKind, idsOf } from '../../../sim/index';
import { Dialog } from '../../components/Dialog';
import { useActions, useAppState } from '../../state/hooks';
import { notify } from '../shell/toast';

type Json = Record<string, unknown>;

/** Kinds whose references must point somewhere else (a strategy's offer, a step's channel). */
const NEEDS_REPLACEMENT: ReadonlySet<EntityKind> = new Set(['product', 'channel']);

/** Asks before deleting `id`, listing every reference that will change; the deletion is one undo step. */
export function DeleteDialog({ kind, id, onClose }: { kind: EntityKind; id: string; onClose(): void }) {
  const { t } = useTranslation('authoring');
  const doc = useAppState((s) => s.doc) as Json;
  const { replaceDoc } = useActions();
  const others = idsOf(doc, kind).filter((x) => x !== id);
  const [replacement, setReplacement] = useState(others[0] ?? '');
  const changes = deletionChanges(doc, kind, id, NEEDS_REPLACEMENT.has(kind) ? replacement : undefined);
  const needsChoice = NEEDS_REPLACEMENT.has(kind) && changes.some((c) => c.action === 'replace');
  const confirm = () => {
    replaceDoc(deleteEntity(doc, kind, id, needsChoice ? replacement : undefined));
    notify(t('delete.done', { id }));
    onClose();
  };
  return (
    <Dialog
      title={t('delete.title', { kind: t(`kind.${kind}`), id })}
      onClose={onClose}
      testId="delete-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose} data-testid="delete-cancel">
            {t('delete.cancel')}
          </button>
          <button type="button" className="btn btn--danger" onClick={confirm} data-testid="delete-confirm">
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      {changes.length === 0 ? (
        <p>{t('delete.noReferences')}</p>
      ) : (
        <>
          <p>{t('delete.references', { count: changes.length })}</p>
          {needsChoice ? (
            <label className="field">
              <span className="field__label">{t('delete.replaceWith')}</span>
              <select
                value={replacement}
                onChange={(e) => setReplacement(e.target.value)}
                data-testid="delete-replacement"
              >
                {others.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ul className="ref-list" data-testid="delete-references">
            {changes.map((c) => (
              <li key={c.path}>
                <code>{c.path}</code>
                {c.strategy ? (
                  <span className="ref-list__in">{t('delete.inStrategy', { id: c.strategy })}</span>
                ) : null}
                <span className="ref-list__what">
                  {c.action === 'replace' ? t('delete.willPoint', { to: c.to }) : t('delete.willRemove')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t('delete.undoHint')}</p>
    </Dialog>
  );
}
