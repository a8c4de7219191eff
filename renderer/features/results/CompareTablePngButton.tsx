import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodePngExport } from './export-context';

/** Saves the Compare table (whatever `target` holds) as a PNG; busy while it draws. */
export function CompareTablePngButton({
  name,
  target,
}: {
  name: string;
  target: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation('results');
  const exportPng = useNodePngExport();
  const [isBusy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn no-print"
      data-testid="compare-export-png"
      disabled={isBusy}
      onClick={async () => {
        if (!target.current) return;
        setBusy(true);
        try {
          await exportPng(name, target.current);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('compare.exportPng')}
    </button>
  );
}
