import type { CoverageStatus } from '../../components/OrganizationTable';

// The graph of a container, as plain data (tested without a browser): container →
// organizations → Party organizations / instructors / liaison points' responsible people.

export type GraphNodeKind = 'container' | 'organization' | 'partyOrganization' | 'instructor' | 'workGroupMember' | 'memberUnit' | 'committee';

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  status?: CoverageStatus;
  /** In-app path to open on click, when the node has a page. */
  href?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'contains' | 'covers' | 'instructs' | 'liaison';
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface GraphOrganizationInput {
  id: string;
  name: string;
  creditCode: string;
  status: CoverageStatus;
  coveringPartyOrganizations: { nodes: { id: string; name: string }[] };
  instructors: { nodes: { id: string; name: string }[] };
  liaisonPoints: {
    nodes: {
      id: string;
      kind: string;
      responsible: { __typename?: string; id?: string; name?: string };
    }[];
  };
}

const RESPONSIBLE_KIND: Record<string, GraphNodeKind> = {
  WorkGroupMember: 'workGroupMember',
  Instructor: 'instructor',
  MemberUnit: 'memberUnit',
  WorkingCommittee: 'committee',
};

export function buildGraphModel(container: { id: string; name: string }, organizations: GraphOrganizationInput[]): GraphModel {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (n: GraphNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const link = (source: string, target: string, kind: GraphEdge['kind']) => {
    const id = `${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target, kind });
  };
  add({ id: container.id, label: container.name, kind: 'container' });
  for (const o of organizations) {
    add({ id: o.id, label: o.name, kind: 'organization', status: o.status, href: `/organizations/${o.creditCode}` });
    link(container.id, o.id, 'contains');
    for (const p of o.coveringPartyOrganizations.nodes) {
      add({ id: p.id, label: p.name, kind: 'partyOrganization' });
      link(o.id, p.id, 'covers');
    }
    for (const i of o.instructors.nodes) {
      add({ id: i.id, label: i.name, kind: 'instructor' });
      link(o.id, i.id, 'instructs');
    }
    for (const lp of o.liaisonPoints.nodes) {
      const r = lp.responsible;
      const kind = r.__typename ? RESPONSIBLE_KIND[r.__typename] : undefined;
      if (!kind || !r.id || !r.name) continue;
      add({ id: r.id, label: r.name, kind });
      link(o.id, r.id, kind === 'instructor' ? 'instructs' : 'liaison');
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export const STATUS_COLOURS: Record<CoverageStatus, string> = {
  ORGANIZATION: '#2e7d32',
  WORK: '#f9a825',
  BLIND: '#c62828',
  UNKNOWN: '#9e9e9e',
};

export const KIND_COLOURS: Record<GraphNodeKind, string> = {
  container: '#37474f',
  organization: '#9e9e9e',
  partyOrganization: '#b71c1c',
  instructor: '#1565c0',
  workGroupMember: '#6a1b9a',
  memberUnit: '#00838f',
  committee: '#4e342e',
};
