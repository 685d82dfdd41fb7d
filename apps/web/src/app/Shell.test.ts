import { describe, expect, it } from 'vitest';
import { navFor } from './Shell';

describe('navFor', () => {
  it('starts a street worker at the desk and their street, an analyst at the dashboard', () => {
    expect(navFor('STREET_WORKER', '370102001').slice(0, 2).map((i) => i.to)).toEqual(['/desk', '/areas/370102001']);
    expect(navFor('CITY_ANALYST', null)[0]?.to).toBe('/dashboard');
  });

  it('offers the import to those who may write, not to the analyst', () => {
    expect(navFor('CITY_ANALYST', null).some((i) => i.key === 'import')).toBe(false);
    expect(navFor('CITY_ADMIN', null).some((i) => i.key === 'import')).toBe(true);
    expect(navFor('DISTRICT_OFFICER', '370102').find((i) => i.key === 'areas')?.to).toBe('/areas/370102');
  });

  it('offers account administration to the city administrator only', () => {
    expect(navFor('CITY_ADMIN', null).some((i) => i.to === '/admin/accounts')).toBe(true);
    for (const role of ['STREET_WORKER', 'DISTRICT_OFFICER', 'CITY_ANALYST'] as const) expect(navFor(role, '370102').some((i) => i.key === 'accounts'), role).toBe(false);
  });

  it('reaches the Party organizations, Party members and visits lists from every role', () => {
    for (const role of ['STREET_WORKER', 'DISTRICT_OFFICER', 'CITY_ANALYST', 'CITY_ADMIN'] as const) {
      const paths = navFor(role, '370102').map((i) => i.to);
      expect(paths, role).toEqual(expect.arrayContaining(['/party-organizations', '/party-members', '/visits']));
    }
  });
});
