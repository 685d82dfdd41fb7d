import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth, useSession } from '../auth/AuthProvider';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SearchBox } from '../components/SearchBox';
import { Loading } from '../components/states';
import type { Role } from '../lib/session';

interface NavItem {
  to: string;
  key: 'dashboard' | 'areas' | 'blindSpots' | 'organizations' | 'partyOrganizations' | 'partyMembers' | 'visits' | 'desk' | 'myStreet' | 'reports' | 'ledgers' | 'funds' | 'planner' | 'import' | 'explorer' | 'accounts' | 'tokens' | 'audit';
}

/** What each role finds in the navigation: street workers start from their desk and street. */
export function navFor(role: Role, areaCode: string | null | undefined): NavItem[] {
  switch (role) {
    case 'STREET_WORKER':
      return [
        { to: '/desk', key: 'desk' },
        ...(areaCode ? [{ to: `/areas/${areaCode}`, key: 'myStreet' } as NavItem] : []),
        { to: '/blind-spots', key: 'blindSpots' },
        { to: '/organizations', key: 'organizations' },
        { to: '/visits', key: 'visits' },
        { to: '/party-organizations', key: 'partyOrganizations' },
        { to: '/party-members', key: 'partyMembers' },
        { to: '/planner', key: 'planner' },
        { to: '/imports', key: 'import' },
        { to: '/explorer', key: 'explorer' },
      ];
    case 'DISTRICT_OFFICER':
      return [
        { to: '/dashboard', key: 'dashboard' },
        { to: areaCode ? `/areas/${areaCode}` : '/areas', key: 'areas' },
        { to: '/blind-spots', key: 'blindSpots' },
        { to: '/organizations', key: 'organizations' },
        { to: '/party-organizations', key: 'partyOrganizations' },
        { to: '/party-members', key: 'partyMembers' },
        { to: '/visits', key: 'visits' },
        { to: '/desk', key: 'desk' },
        { to: '/reports', key: 'reports' },
        { to: '/ledgers', key: 'ledgers' },
        { to: '/funds', key: 'funds' },
        { to: '/planner', key: 'planner' },
        { to: '/imports', key: 'import' },
        { to: '/explorer', key: 'explorer' },
      ];
    default:
      return [
        { to: '/dashboard', key: 'dashboard' },
        { to: '/areas', key: 'areas' },
        { to: '/blind-spots', key: 'blindSpots' },
        { to: '/organizations', key: 'organizations' },
        { to: '/party-organizations', key: 'partyOrganizations' },
        { to: '/party-members', key: 'partyMembers' },
        { to: '/visits', key: 'visits' },
        { to: '/reports', key: 'reports' },
        { to: '/ledgers', key: 'ledgers' },
        { to: '/funds', key: 'funds' },
        { to: '/planner', key: 'planner' },
        // Analysts read; administrators also load spreadsheets.
        ...(role === 'CITY_ADMIN' ? [{ to: '/imports', key: 'import' } as NavItem] : []),
        { to: '/explorer', key: 'explorer' },
        ...(role === 'CITY_ADMIN' ? [{ to: '/admin/accounts', key: 'accounts' } as NavItem, { to: '/admin/tokens', key: 'tokens' } as NavItem, { to: '/admin/audit', key: 'audit' } as NavItem] : []),
      ];
  }
}

export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuth();
  const items = navFor(session.account.role, session.account.area?.code);
  const location = useLocation();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <NavLink to={item.to} end={item.to === '/areas'}>
                  {t(`nav.${item.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-right">
          <SearchBox />
          <span className="who" aria-label={t('nav.signedInAs')}>
            <NavLink to="/account" title={t('nav.account')}>
              {session.account.displayName}
            </NavLink>{' '}
            · {t(`roles.${session.account.role}`)}
            {session.account.area ? ` · ${session.account.area.name}` : ''}
          </span>
          <LanguageSwitch />
          <button type="button" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
