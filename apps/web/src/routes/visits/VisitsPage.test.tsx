import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderPage } from '../../test/render';
import { visitsQuery, VisitsPage } from './VisitsPage';

const visit = {
  __typename: 'Visit',
  id: 'VmlzaXQ6MQ',
  visitedOn: '2026-11-25',
  visitor: '陈工作组',
  ownerIntention: 'WILLING',
  membersIntention: null,
  problems: '缺少活动场地',
  liaisonPoint: { __typename: 'LiaisonPoint', id: 'TGlhaXNvblBvaW50OjE', kind: 'WORK_GROUP' },
  organization: { __typename: 'Organization', id: 'T3JnYW5pemF0aW9uOjk', creditCode: '91370102MAWEBT015W', name: '济南示例软件有限公司' },
};

const WEEK = { scope: '370102', visitedOn: { from: '2026-11-23', to: '2026-11-29' } };
const page = (nodes: unknown[]) => ({
  visits: { __typename: 'VisitConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
});

describe('VisitsPage', () => {
  it('lists the visits of the bulletin’s week, in Chinese and in English', async () => {
    const mocks = [{ request: { query: visitsQuery, variables: { filter: WEEK, after: null } }, result: { data: page([visit]) } }];
    const route = '/visits?scope=370102&from=2026-11-23&to=2026-11-29';
    const first = renderPage(<VisitsPage />, { route, mocks });
    const list = await screen.findByRole('region', { name: '走访记录' });
    const row = within(list).getByRole('row', { name: /济南示例软件有限公司/ });
    expect(row).toHaveTextContent('缺少活动场地');
    expect(within(row).getByRole('link', { name: '济南示例软件有限公司' })).toHaveAttribute('href', '/organizations/91370102MAWEBT015W');
    expect(screen.getByText('2026年11月23日至2026年11月29日的走访')).toBeInTheDocument();
    first.unmount();
    await changeLanguage('en');
    try {
      renderPage(<VisitsPage />, { route, mocks });
      expect(await screen.findByRole('region', { name: 'Visits' })).toHaveTextContent('Work group');
      expect(screen.getByText('Visits from 23 Nov 2026 to 29 Nov 2026')).toBeInTheDocument();
    } finally {
      await changeLanguage('zh-CN');
    }
  });

  it('shows loading, then an empty list as such', async () => {
    renderPage(<VisitsPage />, { route: '/visits?scope=370102&from=2026-11-23&to=2026-11-29', mocks: [{ request: { query: visitsQuery, variables: { filter: WEEK, after: null } }, result: { data: page([]) } }] });
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    expect(await screen.findByText('没有符合条件的走访')).toBeInTheDocument();
  });

  it('shows an error with a retry button', async () => {
    renderPage(<VisitsPage />, { route: '/visits?scope=370102&from=2026-11-23&to=2026-11-29', mocks: [{ request: { query: visitsQuery, variables: { filter: WEEK, after: null } }, error: new Error('boom') }] });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
