import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { RequireAuth } from '../auth/RequireAuth';
import { SignInPage } from '../auth/SignInPage';
import { NotFound } from '../components/NotFound';
import { landingPath } from '../lib/session';
import { Shell } from './Shell';

// One chunk per route: the sign-in page and the shell are all the first load needs.
const DashboardPage = lazy(() => import('../routes/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const AreaPage = lazy(() => import('../routes/areas/AreaPage').then((m) => ({ default: m.AreaPage })));
const CityRedirect = lazy(() => import('../routes/areas/CityRedirect').then((m) => ({ default: m.CityRedirect })));
const ContainerPage = lazy(() => import('../routes/containers/ContainerPage').then((m) => ({ default: m.ContainerPage })));
const OrganizationPage = lazy(() => import('../routes/organizations/OrganizationPage').then((m) => ({ default: m.OrganizationPage })));
const OrganizationsPage = lazy(() => import('../routes/organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const PartyOrganizationsPage = lazy(() => import('../routes/party-organizations/PartyOrganizationsPage').then((m) => ({ default: m.PartyOrganizationsPage })));
const VisitsPage = lazy(() => import('../routes/visits/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const PartyMembersPage = lazy(() => import('../routes/party-members/PartyMembersPage').then((m) => ({ default: m.PartyMembersPage })));
const BlindSpotsPage = lazy(() => import('../routes/blind-spots/BlindSpotsPage').then((m) => ({ default: m.BlindSpotsPage })));
const ReportsPage = lazy(() => import('../routes/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const LedgersPage = lazy(() => import('../routes/ledgers/LedgersPage').then((m) => ({ default: m.LedgersPage })));
const FundsPage = lazy(() => import('../routes/funds/FundsPage').then((m) => ({ default: m.FundsPage })));
const PlannerPage = lazy(() => import('../routes/planner/PlannerPage').then((m) => ({ default: m.PlannerPage })));
const ImportPage = lazy(() => import('../routes/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const ExplorerPage = lazy(() => import('../routes/explorer/ExplorerPage').then((m) => ({ default: m.ExplorerPage })));
const SearchPage = lazy(() => import('../routes/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const AccountPage = lazy(() => import('../routes/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const AccountsPage = lazy(() => import('../routes/admin/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const TokensPage = lazy(() => import('../routes/admin/TokensPage').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('../routes/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const DeskPage = lazy(() => import('../routes/desk/DeskPage').then((m) => ({ default: m.DeskPage })));

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? landingPath(session.account.role) : '/sign-in'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="areas" element={<CityRedirect />} />
        <Route path="areas/:code" element={<AreaPage />} />
        <Route path="containers/:id" element={<ContainerPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/:creditCode" element={<OrganizationPage />} />
        <Route path="blind-spots" element={<BlindSpotsPage />} />
        <Route path="party-organizations" element={<PartyOrganizationsPage />} />
        <Route path="visits" element={<VisitsPage />} />
        <Route path="party-members" element={<PartyMembersPage />} />
        <Route path="desk" element={<DeskPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="admin/accounts" element={<AccountsPage />} />
        <Route path="admin/tokens" element={<TokensPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="ledgers" element={<LedgersPage />} />
        <Route path="funds" element={<FundsPage />} />
        <Route path="planner" element={<PlannerPage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="explorer" element={<ExplorerPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
