import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n';
import { renderPage } from '../../test/render';
import { partyMembersQuery, PartyMembersPage } from './PartyMembersPage';

const member = {
  __typename: 'PartyMember',
  id: 'UGFydHlNZW1iZXI6MQ',
  name: '王*',
  stage: 'FULL',
  relationHolder: 'PARTY_ORGANIZATION',
  transferredOn: '2026-11-26',
  identityRevealed: true,
  revealedOn: '2026-11-27',
  organization: { __typename: 'Organization', id: 'T3JnYW5pemF0aW9uOjk', creditCode: '91370102MAWEBT015W', name: '济南示例软件有限公司' },
};

const page = (nodes: unknown[]) => ({
  partyMembers: { __typename: 'PartyMemberConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
});

describe('PartyMembersPage', () => {
  it('lists the members transferred in the bulletin’s week, names as the server masks them', async () => {
    renderPage(<PartyMembersPage />, {
      route: '/party-members?transferredFrom=2026-11-23&transferredTo=2026-11-29',
      mocks: [{ request: { query: partyMembersQuery, variables: { filter: { transferredOn: { from: '2026-11-23', to: '2026-11-29' } }, after: null } }, result: { data: page([member]) } }],
    });
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    const list = await screen.findByRole('region', { name: '党员名录' });
    const row = within(list).getByRole('row', { name: /王\*/ });
    expect(row).toHaveTextContent('正式党员');
    expect(within(row).getByRole('link', { name: '济南示例软件有限公司' })).toHaveAttribute('href', '/organizations/91370102MAWEBT015W');
    expect(screen.getByText('2026年11月23日至2026年11月29日转入组织关系')).toBeInTheDocument();
  });

  it('lists those who revealed their identity in English, and says when there are none', async () => {
    await changeLanguage('en');
    try {
      renderPage(<PartyMembersPage />, {
        route: '/party-members?scope=370102&revealedFrom=2026-11-23&revealedTo=2026-11-29',
        mocks: [
          {
            request: { query: partyMembersQuery, variables: { filter: { scope: '370102', revealedOn: { from: '2026-11-23', to: '2026-11-29' } }, after: null } },
            result: { data: page([]) },
          },
        ],
      });
      expect(await screen.findByText('No member matches')).toBeInTheDocument();
      expect(screen.getByText('Identity revealed from 23 Nov 2026 to 29 Nov 2026')).toBeInTheDocument();
    } finally {
      await changeLanguage('zh-CN');
    }
  });

  it('shows an error with a retry button', async () => {
    renderPage(<PartyMembersPage />, {
      route: '/party-members?revealedFrom=2026-11-23&revealedTo=2026-11-29',
      mocks: [{ request: { query: partyMembersQuery, variables: { filter: { revealedOn: { from: '2026-11-23', to: '2026-11-29' } }, after: null } }, error: new Error('boom') }],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
