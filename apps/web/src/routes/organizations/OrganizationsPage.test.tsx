import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderPage, testSession } from '../../test/render';
import { organizationsQuery, OrganizationsPage } from './OrganizationsPage';

const organization = {
  __typename: 'Organization',
  id: 'T3JnYW5pemF0aW9uOjk',
  creditCode: '91370102MAWEBT015W',
  name: '济南示例软件有限公司',
  category: 'NON_PUBLIC_ECONOMIC',
  industry: 'I',
  employees: 120,
  isKey: false,
  status: 'ACTIVE',
  partyOrganizations: { __typename: 'PartyOrganizationConnection', totalCount: 0 },
};

const page = (nodes: unknown[], totalCount = nodes.length) => ({
  organizations: { __typename: 'OrganizationConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
});

// The tile "286 could form their own Party organization" of the dashboard links here.
const ELIGIBLE = '/organizations?scope=370102&asOf=2026-11-28&eligible=true&coverage=WORK_COVERED%2CBLIND_SPOT';
const eligibleFilter = { scope: '370102', coverage: { asOf: '2026-11-28', status: ['WORK_COVERED', 'BLIND_SPOT'], standaloneEligible: true } };

// The default test session is a city analyst's: largest first.
const LARGEST_FIRST = { orderField: 'EMPLOYEES', orderDirection: 'DESC' };

describe('OrganizationsPage', () => {
  it('lists the organizations behind a coverage figure of a date, and says what they are', async () => {
    renderPage(<OrganizationsPage />, {
      route: ELIGIBLE,
      mocks: [{ request: { query: organizationsQuery, variables: { filter: eligibleFilter, after: null, ...LARGEST_FIRST } }, result: { data: page([organization], 286) } }],
    });
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    const list = await screen.findByRole('region', { name: '两新组织名录' });
    expect(within(list).getByRole('link', { name: organization.name })).toHaveAttribute('href', `/organizations/${organization.creditCode}`);
    expect(within(list).getByText('显示 1 / 共 286')).toBeInTheDocument();
    expect(screen.getByText(/2026年11月28日在册（时间窗口 90 天） · 工作覆盖或空白点 · 具备单独组建条件/)).toBeInTheDocument();
    // On a date the registration status is not today's: all of them.
    expect(screen.getByRole('combobox', { name: '登记状态' })).toHaveValue('ALL');
    expect(screen.getByRole('combobox', { name: '基准日覆盖状态' })).toHaveValue('WORK_COVERED,BLIND_SPOT');
  });

  it('shows the newly covered organizations of a period in English, and an empty list as such', async () => {
    await changeLanguage('en');
    try {
      renderPage(<OrganizationsPage />, {
        route: '/organizations?newlyCoveredFrom=2026-11-23&newlyCoveredTo=2026-11-29',
        mocks: [
          {
            request: { query: organizationsQuery, variables: { filter: { newlyCovered: { from: '2026-11-23', to: '2026-11-29' } }, after: null, ...LARGEST_FIRST } },
            result: { data: page([]) },
          },
        ],
      });
      expect(await screen.findByText('No organization matches')).toBeInTheDocument();
      expect(screen.getByText('Newly organization-covered from 23 Nov 2026 to 29 Nov 2026')).toBeInTheDocument();
    } finally {
      await changeLanguage('zh-CN');
    }
  });

  it("puts a street worker's own organizations (专包) first, and says so", async () => {
    const mine = { ...organization, id: 'T3JnYW5pemF0aW9uOjU', creditCode: '91370102MAWEBT016U', name: '济南专包示例有限公司' };
    renderPage(<OrganizationsPage />, {
      route: '/organizations',
      session: testSession('STREET_WORKER', { id: 'QXJlYToxMA', code: '370102001', name: '解放路街道' }),
      mocks: [
        {
          request: { query: organizationsQuery, variables: { filter: { scope: '370102001', status: ['ACTIVE'] }, after: null, orderField: 'WORK_GROUP_FIRST', orderDirection: 'ASC' } },
          result: { data: page([mine, organization]) },
        },
      ],
    });
    const list = await screen.findByRole('region', { name: '两新组织名录' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual([mine.name, organization.name]);
    expect(screen.getByText('您专包的组织排在前面，其余按登记顺序。')).toBeInTheDocument();
  });

  it('shows an error with a retry button', async () => {
    renderPage(<OrganizationsPage />, {
      route: ELIGIBLE,
      mocks: [{ request: { query: organizationsQuery, variables: { filter: eligibleFilter, after: null, ...LARGEST_FIRST } }, error: new Error('boom') }],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('加载失败');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
