import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { organizationPageQuery, OrganizationPage } from './OrganizationPage';

const area = (code: string, name: string, parent: unknown = null) => ({ __typename: 'Area', code, name, parent });
const committee = (id: string, name: string) => ({ __typename: 'WorkingCommittee', id, name });

const organization = {
  __typename: 'Organization',
  id: 'T3JnYW5pemF0aW9uOjE',
  creditCode: '91370102MAWEBT015W',
  name: '济南映虹示例软件有限公司',
  category: 'NON_PUBLIC_ECONOMIC',
  industry: 'I',
  employees: 1234,
  registeredOn: '2025-06-01',
  deregisteredOn: null,
  status: 'ACTIVE',
  address: null,
  isKey: true,
  source: 'IMPORT',
  declaredPartyMembers: null,
  declaredHasPartyOrganization: null,
  updatedAt: '2026-11-28T05:00:00.000Z',
  street: area('370102001', '湖埠街道', area('370102', '历下区', area('370100', '济南市'))),
  park: null,
  building: { __typename: 'Building', id: 'QnVpbGRpbmc6MQ', name: '示例大厦' },
  businessDistrict: null,
  supervisoryUnit: null,
  responsibility: {
    __typename: 'Responsibility',
    asOf: '2026-11-28',
    workGroupMember: {
      __typename: 'ResponsibleWorkGroupMember',
      since: '2026-01-05',
      lastVisitOn: null,
      member: { __typename: 'WorkGroupMember', id: 'V0dNOjE', name: '林示例', title: '组织委员', phone: '0531-0000000' },
    },
    instructors: [],
    memberUnit: null,
    directCommittees: [],
    streetCommittee: null,
    districtCommittee: { __typename: 'ResponsibleWorkingCommittee', since: '2019-11-23', committee: committee('V0M6Mg', '示例区两新工委') },
    cityCommittee: { __typename: 'ResponsibleWorkingCommittee', since: '2019-03-24', committee: committee('V0M6MQ', '示例市两新工委') },
  },
  partyOrganizations: { __typename: 'PartyOrganizationConnection', totalCount: 0, nodes: [] },
  members: {
    __typename: 'PartyMemberConnection',
    totalCount: 1,
    nodes: [
      {
        __typename: 'PartyMember',
        id: 'UE06MQ',
        name: '王*',
        phone: null,
        idNumber: '3701**********0011',
        stage: 'FULL',
        relationHolder: 'TALENT_CENTER',
        ledger: 'TALENT_CENTER',
        identityRevealed: false,
        transferredOn: null,
        fullOn: '2020-07-01',
        version: 1,
      },
    ],
  },
  visits: { __typename: 'VisitConnection', totalCount: 0, nodes: [] },
};

describe('OrganizationPage', () => {
  it('shows the facts, the breadcrumbs to its building, the responsibility chain and members as the server masks them', async () => {
    const mocks = [{ request: { query: organizationPageQuery, variables: { creditCode: organization.creditCode } }, result: { data: { organization } } }];
    renderPage(<OrganizationPage />, { mocks, route: `/organizations/${organization.creditCode}`, path: '/organizations/:creditCode' });
    expect(await screen.findByRole('heading', { level: 1, name: /济南映虹示例软件有限公司/ })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: '位置' });
    expect(within(crumbs).getAllByRole('link').map((a) => a.textContent)).toEqual(['济南市', '历下区', '湖埠街道', '示例大厦']);
    expect(screen.getByText('1,234')).toBeInTheDocument();
    const chain = screen.getByRole('region', { name: '责任链条' });
    expect(chain).toHaveTextContent('街道工作组专包 林示例 · 组织委员 · 0531-0000000');
    expect(chain).toHaveTextContent('最近走访 从未走访');
    const members = screen.getByRole('region', { name: /党员/ });
    expect(within(members).getByText('3701**********0011')).toBeInTheDocument();
    expect(within(members).getByText('区县人才服务中心')).toBeInTheDocument();
    expect(screen.getByText('尚无走访记录')).toBeInTheDocument();
    expect(screen.getByText('尚无党组织覆盖')).toBeInTheDocument();
  });

  it('says so when no organization has the code', async () => {
    const mocks = [{ request: { query: organizationPageQuery, variables: { creditCode: '91370102MAWEBT023P' } }, result: { data: { organization: null } } }];
    renderPage(<OrganizationPage />, { mocks, route: '/organizations/91370102MAWEBT023P', path: '/organizations/:creditCode' });
    expect(await screen.findByText('没有统一社会信用代码为 91370102MAWEBT023P 的组织')).toBeInTheDocument();
  });
});
