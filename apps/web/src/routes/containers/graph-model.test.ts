import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model';

describe('buildGraphModel', () => {
  it('links container → organizations → Party organizations and responsible people, once each', () => {
    const shared = { id: 'PO1', name: '联合党支部' };
    const model = buildGraphModel({ id: 'B1', name: '示例大厦' }, [
      {
        id: 'O1',
        name: '甲公司',
        creditCode: '91370102AAAAAAAAA1',
        status: 'ORGANIZATION',
        coveringPartyOrganizations: { nodes: [shared] },
        instructors: { nodes: [{ id: 'I1', name: '指导员甲' }] },
        liaisonPoints: { nodes: [{ id: 'L1', kind: 'WORK_GROUP', responsible: { __typename: 'WorkGroupMember', id: 'W1', name: '组员甲' } }] },
      },
      {
        id: 'O2',
        name: '乙协会',
        creditCode: '51370102BBBBBBBBB2',
        status: 'BLIND',
        coveringPartyOrganizations: { nodes: [shared] },
        instructors: { nodes: [] },
        liaisonPoints: { nodes: [{ id: 'L2', kind: 'WORK_GROUP', responsible: { __typename: 'WorkGroupMember', id: 'W1', name: '组员甲' } }] },
      },
    ]);
    expect(model.nodes.map((n) => n.id)).toEqual(['B1', 'O1', 'PO1', 'I1', 'W1', 'O2']);
    expect(model.nodes.find((n) => n.id === 'O2')).toMatchObject({ status: 'BLIND', href: '/organizations/51370102BBBBBBBBB2' });
    expect(model.edges).toHaveLength(7);
  });
});
