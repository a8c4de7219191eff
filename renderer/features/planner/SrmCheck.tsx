import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sampleRatioMismatch } from '../../../sim/index';
import { Card } from '../../components/Card';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useFmt } from '../../i18n/numbers';

/** For a running pilot: do the arms' sizes match the planned split? (χ² test, flagged at p < 0.001) */
export function SrmCheck({ plannedShare }: { plannedShare: number }) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  const [v, setV] = useState<{ treatment?: number; control?: number; share?: number }>({});
  const share = v.share ?? Number(plannedShare.toFixed(3));
  let result: ReturnType<typeof sampleRatioMismatch> | null = null;
  let error: string | null = null;
  if (v.treatment !== undefined && v.control !== undefined) {
    try {
      result = sampleRatioMismatch([v.treatment, v.control], [share, 1 - share]);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const input = (key: 'treatment' | 'control' | 'share', value: number | undefined) => (
    <FieldShell id={`planner-srm-${key}`} label={t(`srm.${key}`)}>
      <NumberInput
        id={`planner-srm-${key}`}
        testId={`planner-srm-${key}`}
        value={value}
        onChange={(x) => setV({ ...v, [key]: typeof x === 'number' ? x : undefined })}
      />
    </FieldShell>
  );
  return (
    <Card title={t('srm.title')} subtitle={t('srm.subtitle')} testId="planner-srm">
      <div className="planner-controls">
        {input('treatment', v.treatment)}
        {input('control', v.control)}
        {input('share', share)}
      </div>
      {result ? (
        <p data-testid="planner-srm-result" data-mismatch={result.isMismatch} role="status">
          {t('srm.result', {
            chi: fmt.num(result.chiSquare, 2),
            p: result.pValue < 1e-4 ? '< 0.0001' : fmt.num(result.pValue, 4),
          })}{' '}
          {result.isMismatch ? t('srm.mismatch') : t('srm.ok')}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
