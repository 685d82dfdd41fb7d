// Every in-app link is built here, so routes and their query parameters change in one place.

function withParams(path: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

export const areaPath = (code: string) => `/areas/${code}`;
export const containerPath = (id: string) => `/containers/${encodeURIComponent(id)}`;
export const organizationPath = (creditCode: string) => `/organizations/${creditCode}`;

export interface OrganizationListParams {
  scope?: string | null;
  hasPartyOrganization?: 'true' | 'false' | null;
  text?: string | null;
  status?: 'ACTIVE' | 'DEREGISTERED' | 'ALL' | null;
}
export const organizationsPath = (p: OrganizationListParams) => withParams('/organizations', { ...p });

export interface BlindSpotListParams {
  scope?: string | null;
  asOf?: string | null;
  container?: 'PARK' | 'BUILDING' | 'BUSINESS_DISTRICT' | 'NONE' | null;
  category?: string | null;
  isKey?: string | null;
  text?: string | null;
}
export const blindSpotsPath = (p: BlindSpotListParams) => withParams('/blind-spots', { ...p });
