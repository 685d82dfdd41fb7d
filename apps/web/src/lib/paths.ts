// Every in-app link is built here, so routes and their query parameters change in one place.

function withParams(path: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The server's default coverage window (days): left out of links, so the usual ones stay short. */
export const DEFAULT_WINDOW_DAYS = 90;
const windowParam = (window: number | null | undefined) => (window == null || window === DEFAULT_WINDOW_DAYS ? null : String(window));

export const areaPath = (code: string) => `/areas/${code}`;
export const containerPath = (id: string) => `/containers/${encodeURIComponent(id)}`;
export const organizationPath = (creditCode: string) => `/organizations/${creditCode}`;

export type CoverageStatusParam = 'ORGANIZATION_COVERED' | 'WORK_COVERED' | 'BLIND_SPOT';
export type ContainerParam = 'PARK' | 'BUILDING' | 'BUSINESS_DISTRICT' | 'NONE';

export interface OrganizationListParams {
  scope?: string | null;
  hasPartyOrganization?: 'true' | 'false' | null;
  text?: string | null;
  status?: 'ACTIVE' | 'DEREGISTERED' | 'ALL' | null;
  /** In scope on this date (the coverage figures' `asOf`); with `coverage`, of those statuses on it. */
  asOf?: string | null;
  /** The coverage window in days (default the server's, 90). */
  window?: number | null;
  /** Coverage statuses on `asOf`, any of them (comma-separated in the URL). */
  coverage?: readonly CoverageStatusParam[] | null;
  /** Employs 3 or more full members on `asOf`. */
  eligible?: 'true' | 'false' | null;
  container?: ContainerParam | null;
  /** Newly organization-covered in this period (the cadence report's figure). */
  newlyCoveredFrom?: string | null;
  newlyCoveredTo?: string | null;
}
export const organizationsPath = ({ coverage, window, ...p }: OrganizationListParams) =>
  withParams('/organizations', { ...p, window: windowParam(window), coverage: coverage?.length ? coverage.join(',') : null });

export interface BlindSpotListParams {
  scope?: string | null;
  asOf?: string | null;
  container?: ContainerParam | null;
  category?: string | null;
  isKey?: string | null;
  text?: string | null;
  /** The coverage window in days (default the server's, 90). */
  window?: number | null;
}
export const blindSpotsPath = ({ window, ...p }: BlindSpotListParams) => withParams('/blind-spots', { ...p, window: windowParam(window) });

export interface PartyOrganizationListParams {
  scope?: string | null;
  /** Established in this period. */
  establishedFrom?: string | null;
  establishedTo?: string | null;
  /** Weak on this date (作用发挥较弱), with `window` (default 90). */
  weakAsOf?: string | null;
  window?: number | null;
  text?: string | null;
}
export const partyOrganizationsPath = ({ window, ...p }: PartyOrganizationListParams) =>
  withParams('/party-organizations', { ...p, window: windowParam(window) });

export interface VisitListParams {
  scope?: string | null;
  /** Visited in this period. */
  from?: string | null;
  to?: string | null;
}
export const visitsPath = (p: VisitListParams) => withParams('/visits', { ...p });

export interface PartyMemberListParams {
  scope?: string | null;
  /** Relation transferred in this period. */
  transferredFrom?: string | null;
  transferredTo?: string | null;
  /** Identity revealed in this period. */
  revealedFrom?: string | null;
  revealedTo?: string | null;
}
export const partyMembersPath = (p: PartyMemberListParams) => withParams('/party-members', { ...p });

export interface ReportParams {
  scope?: string | null;
  period?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | null;
  /** A date inside the period. */
  date?: string | null;
}
export const reportsPath = (p: ReportParams) => withParams('/reports', { ...p });
