import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderPage } from '../../test/render';
import { dashboardContainersQuery, dashboardQuery, dashboardVariables, DashboardPage } from './DashboardPage';

// ECharts needs a real layout engine; the figures are asserted in the tables beside the charts.
vi.mock('../../components/EChart', () => ({ default: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const ASOF = '2026-11-28';

function stats(overrides: Partial<Record<string, number>> = {}) {
  return {
    __typename: 'CoverageStats',
    inScope: 56989,
    organizationCovered: 45603,
    workCovered: 7730,
    blindSpots: 3656,
    organizationCoverageRate: 0.8002,
    workCoverageRate: 0.1356,
    overallCoverageRate: 0.9358,
    standaloneEligibleUncovered: 286,
    weakPartyOrganizations: 549,
    asOf: ASOF,
    window: 90,
    ...overrides,
  };
}

function dashboardResult() {
  const variables = dashboardVariables(null, ASOF);
  const trend = Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [
      `m${i + 1}`,
      { __typename: 'CoverageBreakdown', totals: { __typename: 'CoverageStats', asOf: variables[`m${i + 1}` as 'm1'], overallCoverageRate: 0.8 + i * 0.01, organizationCoverageRate: 0.75, blindSpots: 9000 - i * 100 } },
    ]),
  );
  return {
    variables,
    data: {
      overview: {
        __typename: 'CoverageBreakdown',
        scope: null,
        totals: stats(),
        rows: [
          { __typename: 'CoverageRow', key: '370103', label: '市中区', stats: { __typename: 'CoverageStats', inScope: 8000, blindSpots: 383, overallCoverageRate: 0.946, organizationCoverageRate: 0.821 } },
          { __typename: 'CoverageRow', key: '370102', label: '历下区', stats: { __typename: 'CoverageStats', inScope: 9956, blindSpots: 451, overallCoverageRate: 0.955, organizationCoverageRate: 0.836 } },
        ],
      },
      ...trend,
      bulletin: {
        __typename: 'Report',
        period: 'WEEK',
        label: '2026-W48',
        start: '2026-11-23',
        end: '2026-11-29',
        totals: {
          __typename: 'ReportRow',
          partyOrganizationsEstablished: 8,
          organizationsNewlyCovered: 284,
          blindSpotsAtStart: 4006,
          blindSpotsAtEnd: 3656,
          visits: 1070,
          membersTransferred: 2634,
          identitiesRevealed: 620,
          overallCoverageRateAtEnd: 0.9358,
          coverageRateChange: 0.006,
        },
        ranking: [{ __typename: 'ReportRow', areaCode: '370102', areaName: '历下区', rank: 1, score: 98.95, coverageRateChange: 0.01, overallCoverageRateAtEnd: 0.955 }],
      },
    },
  };
}

// Blind spots by container type: a query of its own, sent alongside (DashboardPage.tsx).
function containersMock() {
  return {
    request: { query: dashboardContainersQuery, variables: { scope: null, asOf: ASOF } },
    result: {
      data: {
        containers: {
          __typename: 'CoverageBreakdown',
          rows: [
            { __typename: 'CoverageRow', key: 'PARK', stats: { __typename: 'CoverageStats', inScope: 6970, blindSpots: 48, overallCoverageRate: 0.993 } },
            { __typename: 'CoverageRow', key: 'NONE', stats: { __typename: 'CoverageStats', inScope: 35989, blindSpots: 3117, overallCoverageRate: 0.913 } },
          ],
        },
      },
    },
  };
}

function mocks() {
  const { variables, data } = dashboardResult();
  return [{ request: { query: dashboardQuery, variables }, result: { data } }, containersMock()];
}

describe('DashboardPage', () => {
  it('shows the city rates, the ranking and the bulletin from the API in Chinese', async () => {
    renderPage(<DashboardPage />, { mocks: mocks(), route: `/dashboard?asOf=${ASOF}` });
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    expect(await screen.findByRole('heading', { name: '全市两新组织党建总览' })).toBeInTheDocument();
    const tiles = await screen.findByRole('region', { name: '覆盖情况' });
    expect(within(tiles).getByText('80.0%')).toBeInTheDocument();
    expect(within(tiles).getByText('93.6%')).toBeInTheDocument();
    // The blind-spot count links to the list behind it.
    expect(within(tiles).getByRole('link', { name: '3,656' })).toHaveAttribute('href', `/blind-spots?asOf=${ASOF}`);
    const ranking = screen.getByRole('region', { name: '区县覆盖率排名' });
    const rows = within(ranking).getAllByRole('row');
    // Ranked by overall coverage: 历下区 (95.5%) before 市中区 (94.6%).
    expect(rows[1]).toHaveTextContent('历下区');
    expect(rows[2]).toHaveTextContent('市中区');
    expect(within(ranking).getByRole('link', { name: '历下区' })).toHaveAttribute('href', '/areas/370102');
    const bulletin = screen.getByRole('region', { name: '本周通报' });
    expect(within(bulletin).getByText('1,070')).toBeInTheDocument();
    expect(within(bulletin).getByText('+0.6%')).toBeInTheDocument();
    // The container-type card fills in from its own query.
    const containers = screen.getByRole('region', { name: '按载体类型的空白点' });
    const park = await within(containers).findByRole('row', { name: /园区/ });
    expect(park).toHaveTextContent('6,970');
    expect(within(park).getByRole('link', { name: '48' })).toHaveAttribute('href', `/blind-spots?asOf=${ASOF}&container=PARK`);
  });

  it('shows the same figures in English after the language switch', async () => {
    await changeLanguage('en');
    try {
      renderPage(<DashboardPage />, { mocks: mocks(), route: `/dashboard?asOf=${ASOF}` });
      expect(await screen.findByRole('heading', { name: 'Two-new Party building: the city' })).toBeInTheDocument();
      const tiles = await screen.findByRole('region', { name: 'Coverage' });
      expect(within(tiles).getByText('Organization coverage')).toBeInTheDocument();
      expect(within(tiles).getByText('80.0%')).toBeInTheDocument();
      expect(within(tiles).getByRole('link', { name: '56,989 organizations in scope' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: "This week's bulletin" })).toHaveTextContent('Identities revealed');
    } finally {
      await changeLanguage('zh-CN');
    }
  });

  it('shows the figures while the container-type query is still on its way, and its failure in its own card', async () => {
    const { variables, data } = dashboardResult();
    renderPage(<DashboardPage />, {
      mocks: [{ request: { query: dashboardQuery, variables }, result: { data } }, { request: { query: dashboardContainersQuery, variables: { scope: null, asOf: ASOF } }, error: new Error('slow and broken'), delay: 500 }],
      route: `/dashboard?asOf=${ASOF}`,
    });
    const tiles = await screen.findByRole('region', { name: '覆盖情况' });
    expect(within(tiles).getByText('93.6%')).toBeInTheDocument();
    const containers = screen.getByRole('region', { name: '按载体类型的空白点' });
    expect(within(containers).getByRole('status')).toHaveTextContent('正在加载');
    const alert = await within(containers).findByRole('alert');
    expect(alert).toHaveTextContent('加载失败');
    expect(within(tiles).getByText('93.6%')).toBeInTheDocument();
  });

  it('shows an error with a retry button when the query fails', async () => {
    const { variables } = dashboardResult();
    renderPage(<DashboardPage />, { mocks: [{ request: { query: dashboardQuery, variables }, error: new Error('boom') }, containersMock()], route: `/dashboard?asOf=${ASOF}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('加载失败');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
