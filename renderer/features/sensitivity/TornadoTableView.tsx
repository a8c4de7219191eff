import { useTranslation } from 'react-i18next';
import type { TornadoTable } from '../../../sim/index';

/** The tornado's numbers: range, output at each end, swing ± SE, and whether the swing is beyond 2 SE. */
export function TornadoTableView({
  table,
  labelOf,
  format,
  formatParam,
}: {
  table: TornadoTable;
  labelOf: (param: string) => string;
  format: (v: number) => string;
  formatParam: (v: number) => string;
}) {
  const { t } = useTranslation('sensitivity');
  return (
    <table className="sens-table" data-testid="tornado-table">
      <thead>
        <tr>
          <th scope="col">{t('tornado.parameter')}</th>
          <th scope="col">{t('tornado.range')}</th>
          <th scope="col">{t('tornado.outputLow')}</th>
          <th scope="col">{t('tornado.outputHigh')}</th>
          <th scope="col">{t('tornado.swing')}</th>
          <th scope="col">{t('tornado.signal')}</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => {
          const isSignal = r.swing > 2 * r.se;
          return (
            <tr key={r.parameter} data-testid={`tornado-row-${r.parameter}`}>
              <th scope="row" title={r.parameter}>
                {labelOf(r.parameter)}
              </th>
              <td>
                {formatParam(r.low)} – {formatParam(r.high)}
              </td>
              <td>{format(r.outputLow)}</td>
              <td>{format(r.outputHigh)}</td>
              <td data-testid="tornado-swing">
                {format(r.swing)} ± {format(r.se)}
              </td>
              <td className={isSignal ? undefined : 'sens-noise'}>
                {t(isSignal ? 'tornado.signalYes' : 'tornado.signalNo')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
