import { useTranslation } from 'react-i18next';
import { type Challenge, glossaryEntry, parentPath } from '../../../sim/index';
import { InfoButton } from './InfoButton';
import { LockedField } from './LockedField';

type Row = { path: string; value: string };

/** The visible numbers of the list element that holds a hidden field (a channel, a product…). */
function visibleRows(challenge: Challenge, parent: string): Row[] {
  const element = elementAt(challenge.scenario, parent);
  if (!element) return [];
  return Object.entries(element)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => ({ path: `${parent}.${k}`, value: String(v) }));
}

function elementAt(doc: unknown, path: string): Record<string, unknown> | undefined {
  const m = /^(\w+)\[([^\]]+)\]$/.exec(path);
  if (!m) return undefined;
  const list = (doc as Record<string, unknown>)[m[1]];
  if (!Array.isArray(list)) return undefined;
  return list.find((e) => e && typeof e === 'object' && (e as { id?: unknown }).id === m[2]);
}

/** For each hidden field: its locked form field, beside what the learner may see of its element. */
export function HiddenContext({ challenge }: { challenge: Challenge }) {
  const { t, i18n } = useTranslation('teaching');
  const shown = new Set<string>();
  return (
    <div className="hidden-context" data-testid="challenge-hidden">
      {challenge.hidden.map((path) => {
        const parent = parentPath(path) ?? path;
        if (shown.has(parent)) return null;
        shown.add(parent);
        const rows = visibleRows(challenge, parent);
        return (
          <section key={parent} className="hidden-context__element">
            <h5>
              <code>{parent}</code>
            </h5>
            <div className="form-grid">
              {challenge.hidden
                .filter((h) => (parentPath(h) ?? h) === parent)
                .map((h) => (
                  <LockedField key={h} path={h} />
                ))}
            </div>
            {rows.length ? (
              <table className="st-table st-table--compact">
                <caption>{t('challenge.visible')}</caption>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.path}>
                      <th scope="row">
                        {glossaryEntry(r.path, i18n.language)?.term ?? r.path}
                        <InfoButton path={r.path} />
                      </th>
                      <td>{r.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
