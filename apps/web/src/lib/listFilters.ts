import type { CoverageStatus, OrganizationFilter, OrganizationOrderField, SortDirection } from '../gql/graphql';
import { isIsoDate } from './dates';
import type { ContainerParam } from './paths';

// The URL parameters of the list pages as API filters: each dashboard figure links to a URL whose
// list holds exactly the rows it counts (lib/paths.ts builds those URLs).

const CONTAINERS: readonly ContainerParam[] = ['PARK', 'BUILDING', 'BUSINESS_DISTRICT', 'NONE'];
const STATUSES: readonly CoverageStatus[] = ['ORGANIZATION_COVERED', 'WORK_COVERED', 'BLIND_SPOT'];

/** The container conditions of a container type (the coverage breakdown's CONTAINER_TYPE keys). */
export function containerFilter(container: string | null | undefined): OrganizationFilter {
  switch (container) {
    case 'PARK':
      return { inPark: true };
    case 'BUILDING':
      return { inBuilding: true };
    case 'BUSINESS_DISTRICT':
      return { inBusinessDistrict: true };
    case 'NONE':
      return { inPark: false, inBuilding: false, inBusinessDistrict: false };
    default:
      return {};
  }
}

export function isContainer(value: string | null | undefined): value is ContainerParam {
  return (CONTAINERS as readonly (string | null | undefined)[]).includes(value);
}

/** The statuses of a `coverage` parameter ("ORGANIZATION_COVERED,WORK_COVERED"); unknown ones dropped. */
export function coverageStatuses(value: string | null | undefined): CoverageStatus[] {
  if (!value) return [];
  return value.split(',').filter((s): s is CoverageStatus => (STATUSES as readonly string[]).includes(s));
}

/** A whole number of days from 1 to 3650, else null (the server's default then). */
export function windowParam(value: string | null | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : null;
}

/**
 * The organization list's filter from its URL: `asOf` (with `window`, `coverage`, `eligible`)
 * lists coverage on a date, `newlyCoveredFrom`/`To` the report's newly covered, `container` a
 * container type. A list on a date counts what was in scope then, so its registration status
 * defaults to all instead of active.
 */
export function organizationListFilter(params: URLSearchParams, home: string | null): { filter: OrganizationFilter; status: string } {
  const filter: OrganizationFilter = {};
  const scope = params.get('scope') || home;
  if (scope) filter.scope = scope;
  const asOf = params.get('asOf');
  const statuses = coverageStatuses(params.get('coverage'));
  const eligible = params.get('eligible');
  const window = windowParam(params.get('window'));
  const onCoverage = isIsoDate(asOf) || statuses.length > 0 || eligible === 'true' || eligible === 'false';
  if (onCoverage) {
    filter.coverage = {};
    if (isIsoDate(asOf)) filter.coverage.asOf = asOf;
    if (window != null) filter.coverage.window = window;
    if (statuses.length > 0) filter.coverage.status = statuses;
    if (eligible === 'true' || eligible === 'false') filter.coverage.standaloneEligible = eligible === 'true';
  }
  const from = params.get('newlyCoveredFrom');
  const to = params.get('newlyCoveredTo');
  const newly = isIsoDate(from) && isIsoDate(to);
  if (newly) filter.newlyCovered = { from, to };
  const status = params.get('status') ?? (onCoverage || newly ? 'ALL' : 'ACTIVE');
  if (status === 'ACTIVE' || status === 'DEREGISTERED') filter.status = [status];
  const hasPo = params.get('hasPartyOrganization');
  if (hasPo === 'true' || hasPo === 'false') filter.hasPartyOrganization = hasPo === 'true';
  Object.assign(filter, containerFilter(params.get('container')));
  const text = params.get('text')?.trim();
  if (text) filter.text = text;
  return { filter, status };
}

/**
 * How the organization lists of the pages are ordered: largest first, except for a street worker,
 * whose own organizations (专包) come first and then the rest by registration — issue 6, the
 * server's WORK_GROUP_FIRST. Field and direction apart, so a query takes them as enum variables
 * (an input-object variable would cost the server its compiled execution of the query).
 */
export function organizationOrderFor(role: string): { orderField: OrganizationOrderField; orderDirection: SortDirection } {
  return role === 'STREET_WORKER' ? { orderField: 'WORK_GROUP_FIRST', orderDirection: 'ASC' } : { orderField: 'EMPLOYEES', orderDirection: 'DESC' };
}
