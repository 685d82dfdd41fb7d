import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHomeScope } from '../dashboard/DashboardPage';
import { AsOfPicker } from '../../components/AsOfPicker';
import { ScopeFilter } from '../../components/ScopeFilter';
import { Empty, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { Ledger } from '../../gql/graphql';
import { downloadFile } from '../../lib/authFetch';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { areaPath } from '../../lib/paths';
import { useParamState } from '../../lib/useParam';

export const ledgersQuery = graphql(`
  query Ledgers($scope: String, $asOf: Date) {
    ledgers(scope: $scope, asOf: $asOf) {
      asOf
      totals {
        ...LedgerRow_row
      }
      rows {
        ...LedgerRow_row
      }
    }
  }
`);

graphql(`
  fragment LedgerRow_row on LedgerRow {
    areaCode
    areaName
    held
    transferred
    identityRevealed
    identityNotRevealed
    ledgers {
      ledger
      held
      transferred
    }
  }
`);

const LEDGERS: Ledger[] = ['PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY'];

/** The three ledgers (三个台账): members whose relation is still outside a two-new Party organization. */
export function LedgersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const home = useHomeScope();
  const [params, set] = useParamState();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const scope = params.get('scope') || home;
  const { data, error, loading, refetch } = useQuery(ledgersQuery, { variables: { scope, asOf } });
  const [exportError, setExportError] = useState<string | null>(null);

  async function exportXlsx() {
    const q = new URLSearchParams({ asOf });
    if (scope) q.set('scope', scope);
    setExportError(null);
    try {
      await downloadFile(`/export/ledgers.xlsx?${q}`, `ledgers-${scope ?? 'city'}-${asOf}.xlsx`);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  }

  const ledgers = data?.ledgers;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('ledgers.title')}</h1>
        <button type="button" onClick={() => void exportXlsx()}>
          {t('blindSpots.export')}
        </button>
      </header>
      {exportError && (
        <p role="alert" className="error-text">
          {t('blindSpots.exportFailed', { message: exportError })}
        </p>
      )}
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <AsOfPicker value={asOf} onChange={(d) => set('asOf', d)} />
        <ScopeFilter value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(s) => set('scope', s)} />
      </div>
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !ledgers ? (
        <Loading />
      ) : ledgers.rows.length === 0 ? (
        <Empty />
      ) : (
        <section className="card" aria-busy={loading} aria-label={t('ledgers.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>{t('dashboard.area')}</th>
                <th scope="col" className="num" rowSpan={2}>{t('ledgers.held')}</th>
                <th scope="col" className="num" rowSpan={2}>{t('ledgers.transferred')}</th>
                <th scope="col" className="num" rowSpan={2}>{t('ledgers.revealed')}</th>
                <th scope="col" className="num" rowSpan={2}>{t('ledgers.notRevealed')}</th>
                {LEDGERS.map((l) => (
                  <th key={l} scope="colgroup" colSpan={2} className="num">
                    {t(`ledger.${l}`)}
                  </th>
                ))}
              </tr>
              <tr>
                {LEDGERS.flatMap((l) => [
                  <th key={`${l}-h`} scope="col" className="num">{t('ledgers.held')}</th>,
                  <th key={`${l}-t`} scope="col" className="num">{t('ledgers.transferred')}</th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {[...ledgers.rows, { ...ledgers.totals, areaName: t('reports.total') }].map((r, i) => (
                <tr key={`${r.areaCode}-${i}`}>
                  <td>{i === ledgers.rows.length ? <strong>{r.areaName}</strong> : <Link to={`/ledgers?scope=${r.areaCode}&asOf=${asOf}`}>{r.areaName}</Link>}</td>
                  <td className="num">{f.num(r.held)}</td>
                  <td className="num">{f.num(r.transferred)}</td>
                  <td className="num">{f.num(r.identityRevealed)}</td>
                  <td className="num">{f.num(r.identityNotRevealed)}</td>
                  {LEDGERS.flatMap((l) => {
                    const x = r.ledgers.find((y) => y.ledger === l);
                    return [
                      <td key={`${l}-h`} className="num">{f.num(x?.held ?? 0)}</td>,
                      <td key={`${l}-t`} className="num">{f.num(x?.transferred ?? 0)}</td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {scope && /^\d+$/.test(scope) && (
            <p>
              <Link to={areaPath(scope)}>{t('ledgers.toArea')}</Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
