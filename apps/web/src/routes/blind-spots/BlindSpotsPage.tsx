import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHomeScope } from '../dashboard/DashboardPage';
import { BlindSpotList } from '../../components/BlindSpotList';
import { graphql } from '../../gql';
import type { OrganizationFilter } from '../../gql/graphql';
import { downloadFile } from '../../lib/authFetch';
import { isIsoDate, todayInShanghai } from '../../lib/dates';
import { windowParam } from '../../lib/listFilters';
import { PagedResult, useListParams } from '../../components/PagedResult';

export const blindSpotsQuery = graphql(`
  query BlindSpots($scope: String, $asOf: Date, $window: Int, $filter: OrganizationFilter, $after: String) {
    blindSpots(scope: $scope, asOf: $asOf, window: $window, filter: $filter, first: 50, after: $after, orderBy: { field: EMPLOYEES, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...BlindSpot_row
      }
    }
  }
`);

const CONTAINERS = ['', 'PARK', 'BUILDING', 'BUSINESS_DISTRICT', 'NONE'] as const;

/** The list filter of the URL's parameters, shared with the export (same names as /export/blind-spots.xlsx). */
export function blindSpotFilter(params: URLSearchParams): { filter: OrganizationFilter; exportParams: URLSearchParams } {
  const filter: OrganizationFilter = {};
  const exportParams = new URLSearchParams();
  const container = params.get('container');
  if (container === 'PARK') filter.inPark = true;
  if (container === 'BUILDING') filter.inBuilding = true;
  if (container === 'BUSINESS_DISTRICT') filter.inBusinessDistrict = true;
  if (container === 'NONE') Object.assign(filter, { inPark: false, inBuilding: false, inBusinessDistrict: false });
  const category = params.get('category');
  if (category === 'NON_PUBLIC_ECONOMIC' || category === 'SOCIAL') filter.category = [category];
  if (params.get('isKey') === 'true') filter.isKey = true;
  const text = params.get('text')?.trim();
  if (text) filter.text = text;
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'category') exportParams.set('category', (v as string[]).join(','));
    else if (k !== 'text' || v) exportParams.set(k, String(v));
  }
  return { filter, exportParams };
}

export function BlindSpotsPage() {
  const { t } = useTranslation();
  const home = useHomeScope();
  const { params, pages, update } = useListParams();
  const scope = params.get('scope') || home;
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayInShanghai();
  const window = windowParam(params.get('window'));
  const { filter, exportParams } = blindSpotFilter(params);
  const { after } = pages;
  const { data, loading, error, refetch } = useQuery(blindSpotsQuery, { variables: { scope, asOf, window, filter, after } });
  const [exporting, setExporting] = useState<'idle' | 'busy' | string>('idle');

  const [text, setText] = useState(params.get('text') ?? '');

  function submitText(e: FormEvent) {
    e.preventDefault();
    update('text', text.trim());
  }

  async function exportXlsx() {
    const q = new URLSearchParams(exportParams);
    if (scope) q.set('scope', scope);
    q.set('asOf', asOf);
    if (window != null) q.set('window', String(window));
    setExporting('busy');
    try {
      await downloadFile(`/export/blind-spots.xlsx?${q}`, `blind-spots-${scope ?? 'city'}-${asOf}.xlsx`);
      setExporting('idle');
    } catch (e) {
      setExporting(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('blindSpots.title')}</h1>
        <button type="button" onClick={() => void exportXlsx()} disabled={exporting === 'busy'}>
          {exporting === 'busy' ? t('blindSpots.exporting') : t('blindSpots.export')}
        </button>
      </header>
      {exporting !== 'idle' && exporting !== 'busy' && (
        <p role="alert" className="error-text">
          {t('blindSpots.exportFailed', { message: exporting })}
        </p>
      )}
      <form className="filters" onSubmit={submitText} aria-label={t('common.filters')}>
        <label>
          {t('common.scope')}
          <input value={params.get('scope') ?? ''} placeholder={home ?? t('dashboard.city')} onChange={(e) => update('scope', e.target.value.trim())} />
        </label>
        <label>
          {t('common.asOf')}
          <input type="date" value={asOf} onChange={(e) => e.target.value && update('asOf', e.target.value)} />
        </label>
        <label>
          {t('dashboard.containerType')}
          <select value={params.get('container') ?? ''} onChange={(e) => update('container', e.target.value)}>
            {CONTAINERS.map((c) => (
              <option key={c} value={c}>
                {c ? t(`containerType.${c}`) : t('common.all')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('organization.category')}
          <select value={params.get('category') ?? ''} onChange={(e) => update('category', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="NON_PUBLIC_ECONOMIC">{t('category.NON_PUBLIC_ECONOMIC')}</option>
            <option value="SOCIAL">{t('category.SOCIAL')}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={params.get('isKey') === 'true'} onChange={(e) => update('isKey', e.target.checked ? 'true' : '')} />
          {t('organization.keyOnly')}
        </label>
        <label>
          {t('common.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <PagedResult label={t('blindSpots.title')} page={data?.blindSpots} loading={loading} error={error} retry={refetch} pages={pages}>
        {(blindSpots) => (
          <BlindSpotList rows={blindSpots.nodes} caption={t('blindSpots.title')} />
        )}
      </PagedResult>
    </div>
  );
}
