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

/** A link's path and query parameters. */
function target(link: HTMLElement): Record<string, string> {
  const url = new URL(link.getAttribute('href')!, 'http://localhost');
  return { path: url.pathname, ...Object.fromEntries(url.searchParams) };
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

  it('links every figure to the list behind it: same scope, same date or period', async () => {
    const { variables } = dashboardResult();
    const { container } = renderPage(<DashboardPage />, { mocks: mocks(), route: `/dashboard?asOf=${ASOF}` });
    const tiles = await screen.findByRole('region', { name: '覆盖情况' });
    const on = (coverage?: string, more: Record<string, string> = {}) => ({ path: '/organizations', asOf: ASOF, ...more, ...(coverage ? { coverage } : {}) });
    // The tiles: each count and rate; the counts are the CoverageStats the lists filter for.
    expect(target(within(tiles).getByRole('link', { name: '组织覆盖 45,603 个' }))).toEqual(on('ORGANIZATION_COVERED'));
    expect(target(within(tiles).getByRole('link', { name: '80.0%' }))).toEqual(on('ORGANIZATION_COVERED'));
    expect(target(within(tiles).getByRole('link', { name: '工作覆盖 7,730 个' }))).toEqual(on('WORK_COVERED'));
    expect(target(within(tiles).getByRole('link', { name: '13.6%' }))).toEqual(on('WORK_COVERED'));
    expect(target(within(tiles).getByRole('link', { name: '93.6%' }))).toEqual(on('ORGANIZATION_COVERED,WORK_COVERED'));
    expect(target(within(tiles).getByRole('link', { name: '在册组织 56,989 个' }))).toEqual(on());
    expect(target(within(tiles).getByRole('link', { name: '具备单独组建条件 286 个' }))).toEqual(on('WORK_COVERED,BLIND_SPOT', { eligible: 'true' }));
    expect(target(within(tiles).getByRole('link', { name: '作用发挥较弱的党组织 549 个' }))).toEqual({ path: '/party-organizations', weakAsOf: ASOF });

    // The ranking: an area's rates are its covered and its organization-covered organizations.
    const ranking = screen.getByRole('region', { name: '区县覆盖率排名' });
    const lixia = within(ranking).getByRole('row', { name: /历下区/ });
    expect(target(within(lixia).getByRole('link', { name: '95.5%' }))).toEqual(on('ORGANIZATION_COVERED,WORK_COVERED', { scope: '370102' }));
    expect(target(within(lixia).getByRole('link', { name: '83.6%' }))).toEqual(on('ORGANIZATION_COVERED', { scope: '370102' }));

    // The trend: each month's rates on that month's date.
    const trend = screen.getByRole('region', { name: '近12个月覆盖率走势' });
    const first = within(trend).getAllByRole('row')[1]!;
    expect(target(within(first).getByRole('link', { name: '80.0%' }))).toEqual({ ...on('ORGANIZATION_COVERED,WORK_COVERED'), asOf: variables.m1 });
    expect(target(within(first).getByRole('link', { name: '75.0%' }))).toEqual({ ...on('ORGANIZATION_COVERED'), asOf: variables.m1 });
    expect(target(within(first).getByRole('link', { name: '9,000' }))).toEqual({ path: '/blind-spots', asOf: variables.m1 });

    // Container types: in scope and covered in the container.
    const containers = screen.getByRole('region', { name: '按载体类型的空白点' });
    const park = await within(containers).findByRole('row', { name: /园区/ });
    expect(target(within(park).getByRole('link', { name: '6,970' }))).toEqual(on(undefined, { container: 'PARK' }));
    expect(target(within(park).getByRole('link', { name: '99.3%' }))).toEqual(on('ORGANIZATION_COVERED,WORK_COVERED', { container: 'PARK' }));

    // The bulletin: the week 2026-11-23 … 2026-11-29; "at start" is the close of the day before.
    const bulletin = screen.getByRole('region', { name: '本周通报' });
    const week = { from: '2026-11-23', to: '2026-11-29' };
    const figure = (label: string) => target(within(within(bulletin).getByText(label).closest('div')!).getByRole('link'));
    expect(figure('新建党组织')).toEqual({ path: '/party-organizations', establishedFrom: week.from, establishedTo: week.to });
    expect(figure('新增组织覆盖')).toEqual({ path: '/organizations', newlyCoveredFrom: week.from, newlyCoveredTo: week.to });
    expect(figure('期初空白点')).toEqual({ path: '/blind-spots', asOf: '2026-11-22' });
    expect(figure('期末空白点')).toEqual({ path: '/blind-spots', asOf: week.to });
    expect(figure('走访次数')).toEqual({ path: '/visits', ...week });
    expect(figure('转接党员')).toEqual({ path: '/party-members', transferredFrom: week.from, transferredTo: week.to });
    expect(figure('亮明身份')).toEqual({ path: '/party-members', revealedFrom: week.from, revealedTo: week.to });
    expect(figure('覆盖率变化')).toEqual({ path: '/reports', period: 'WEEK', date: week.from });

    // And nothing else: every figure cell, tile value and bulletin figure is a link.
    const figures = container.querySelectorAll('td.num, dd, .tile-value, .tile-detail > *');
    expect(figures.length).toBeGreaterThan(40);
    const unlinked = [...figures].filter((el) => el.tagName !== 'A' && !el.querySelector('a')).map((el) => el.textContent);
    expect(unlinked).toEqual([]);
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
