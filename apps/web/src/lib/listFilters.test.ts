import { describe, expect, it } from 'vitest';
import { organizationListFilter } from './listFilters';
import { organizationsPath } from './paths';

const filterOf = (path: string, home: string | null = null) => organizationListFilter(new URL(path, 'http://localhost').searchParams, home);

describe('organizationListFilter', () => {
  it('reads back what organizationsPath writes: the coverage of a date', () => {
    const path = organizationsPath({ scope: '370102', asOf: '2026-11-28', window: 30, coverage: ['WORK_COVERED', 'BLIND_SPOT'], eligible: 'true' });
    expect(filterOf(path)).toEqual({
      filter: { scope: '370102', coverage: { asOf: '2026-11-28', window: 30, status: ['WORK_COVERED', 'BLIND_SPOT'], standaloneEligible: true } },
      // On a date, what was in scope then: deregistered since included.
      status: 'ALL',
    });
  });

  it('leaves the default window out of links and the filter', () => {
    const path = organizationsPath({ asOf: '2026-11-28', window: 90, coverage: ['ORGANIZATION_COVERED'] });
    expect(path).toBe('/organizations?asOf=2026-11-28&coverage=ORGANIZATION_COVERED');
    expect(filterOf(path).filter).toEqual({ coverage: { asOf: '2026-11-28', status: ['ORGANIZATION_COVERED'] } });
  });

  it('reads a period of newly covered organizations and a container type', () => {
    const path = organizationsPath({ newlyCoveredFrom: '2026-11-23', newlyCoveredTo: '2026-11-29', container: 'NONE' });
    expect(filterOf(path, '370103').filter).toEqual({
      scope: '370103',
      newlyCovered: { from: '2026-11-23', to: '2026-11-29' },
      inPark: false,
      inBuilding: false,
      inBusinessDistrict: false,
    });
  });

  it('lists active organizations when no date is asked, and drops what it does not know', () => {
    expect(filterOf('/organizations?hasPartyOrganization=true&coverage=NOPE&asOf=yesterday&window=0')).toEqual({
      filter: { status: ['ACTIVE'], hasPartyOrganization: true },
      status: 'ACTIVE',
    });
  });
});
