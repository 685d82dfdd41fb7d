import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderPage } from '../../test/render';
import { partyOrganizationsQuery, PartyOrganizationsPage } from './PartyOrganizationsPage';

const partyOrganization = {
  __typename: 'PartyOrganization',
  id: 'UGFydHlPcmdhbml6YXRpb246Mg',
  name: '齐鲁软件大厦联合党支部',
  kind: 'BRANCH',
  formation: 'JOINT',
  anchor: 'BUILDING',
  establishedOn: '2026-11-24',
  dissolvedOn: null,
  area: { __typename: 'Area', id: 'QXJlYToxMA', code: '370102001', name: '解放路街道' },
  organization: null,
};

const page = (nodes: unknown[], totalCount = nodes.length) => ({
  partyOrganizations: { __typename: 'PartyOrganizationConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
});

describe('PartyOrganizationsPage', () => {
  it('lists the Party organizations established in the bulletin’s week', async () => {
    renderPage(<PartyOrganizationsPage />, {
      route: '/party-organizations?scope=370102&establishedFrom=2026-11-23&establishedTo=2026-11-29',
      mocks: [
        {
          request: { query: partyOrganizationsQuery, variables: { filter: { scope: '370102', establishedOn: { from: '2026-11-23', to: '2026-11-29' } }, after: null } },
          result: { data: page([partyOrganization]) },
        },
      ],
    });
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    const list = await screen.findByRole('region', { name: '党组织名录' });
    const row = within(list).getByRole('row', { name: /齐鲁软件大厦联合党支部/ });
    expect(row).toHaveTextContent('党支部');
    expect(row).toHaveTextContent('联合组建');
    expect(within(row).getByRole('link', { name: '解放路街道' })).toHaveAttribute('href', '/areas/370102001');
    expect(screen.getByText('2026年11月23日至2026年11月29日成立')).toBeInTheDocument();
  });

  it('lists the weak ones of a date and window in English, and says when there are none', async () => {
    await changeLanguage('en');
    try {
      renderPage(<PartyOrganizationsPage />, {
        route: '/party-organizations?weakAsOf=2026-11-28&window=30',
        mocks: [
          {
            request: { query: partyOrganizationsQuery, variables: { filter: { weakAt: { weak: true, asOf: '2026-11-28', window: 30 } }, after: null } },
            result: { data: page([]) },
          },
        ],
      });
      expect(await screen.findByText('No Party organization matches')).toBeInTheDocument();
      expect(screen.getByText('Weak on 28 Nov 2026 (no activity in 30 days)')).toBeInTheDocument();
    } finally {
      await changeLanguage('zh-CN');
    }
  });

  it('shows an error with a retry button', async () => {
    renderPage(<PartyOrganizationsPage />, {
      route: '/party-organizations?weakAsOf=2026-11-28',
      mocks: [{ request: { query: partyOrganizationsQuery, variables: { filter: { weakAt: { weak: true, asOf: '2026-11-28' } }, after: null } }, error: new Error('boom') }],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
