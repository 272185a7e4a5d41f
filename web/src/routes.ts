import { fieldReaders } from '@shared/roles';
import { type ComponentChild, h } from 'preact';
import { type Access, adminsOnly, allows, anyRole, operators } from './access';
import type { AuthUser } from './api';
import type { MessageKey } from './i18n';
import { lazyPage } from './lazy';
// The overview is where most visits start: it comes with the first load, so the board draws without
// waiting for another round trip.
import { Home } from './pages/Home';

// Each page's code loads when it is first opened (see lazy.tsx): one line per page.
const Audit = lazyPage(() => import('./pages/Audit').then((m) => m.Audit));
const Account = lazyPage(() => import('./pages/account/Account').then((m) => m.Account));
const Fund = lazyPage(() => import('./pages/fund/Fund').then((m) => m.Fund));
const FundReport = lazyPage(() => import('./pages/fund/FundReport').then((m) => m.FundReport));
const Housing = lazyPage(() => import('./pages/housing/Housing').then((m) => m.Housing));
const Medical = lazyPage(() => import('./pages/medical/Medical').then((m) => m.Medical));
const ReleasePage = lazyPage(() => import('./pages/Release').then((m) => m.ReleasePage));
const ReleaseHistory = lazyPage(() => import('./pages/ReleaseHistory').then((m) => m.ReleaseHistory));
const Releases = lazyPage(() => import('./pages/Releases').then((m) => m.Releases));
const Reports = lazyPage(() => import('./pages/Reports').then((m) => m.Reports));
const ReleaseNew = lazyPage(() => import('./pages/release-new/ReleaseNew').then((m) => m.ReleaseNew));
const Coverage = lazyPage(() => import('./pages/resources/Coverage').then((m) => m.Coverage));
const ReleaseSheets = lazyPage(() => import('./pages/resources/ReleaseSheets').then((m) => m.ReleaseSheets));
const ResourcePage = lazyPage(() => import('./pages/resources/ResourcePage').then((m) => m.ResourcePage));
const Resources = lazyPage(() => import('./pages/resources/Resources').then((m) => m.Resources));
const Sites = lazyPage(() => import('./pages/Sites').then((m) => m.Sites));
const Shifts = lazyPage(() => import('./pages/shifts/Shifts').then((m) => m.Shifts));
const Sms = lazyPage(() => import('./pages/sms/Sms').then((m) => m.Sms));
const Supplies = lazyPage(() => import('./pages/supplies/Supplies').then((m) => m.Supplies));
const Departures = lazyPage(() => import('./pages/travel/Departures').then((m) => m.Departures));
const Users = lazyPage(() => import('./pages/users/Users').then((m) => m.Users));
const VolunteerImport = lazyPage(() => import('./pages/VolunteerImport').then((m) => m.VolunteerImport));
const VolunteerPage = lazyPage(() => import('./pages/volunteer/VolunteerPage').then((m) => m.VolunteerPage));
const Volunteers = lazyPage(() => import('./pages/volunteers/Volunteers').then((m) => m.Volunteers));

export interface RouteProps {
  user: AuthUser;
  params: Record<string, string>;
}

export interface Route {
  /** `:name` stands for a numeric id. */
  path: string;
  access: Access;
  /** Listed in the navigation under this label, in the table's order. */
  nav?: MessageKey;
  render: (props: RouteProps) => ComponentChild;
}

/** The fund's ledger is need-to-know, as the server decides (shared/roles.ts). */
const fundLedgerReaders = fieldReaders.fundLedger;

/** Every signed-in page: the router, the navigation and who may open what all read this one table. */
export const routes: readonly Route[] = [
  { path: '/releases', access: anyRole, nav: 'nav.releases', render: ({ user }) => h(Releases, { user }) },
  { path: '/', access: anyRole, nav: 'nav.home', render: ({ user }) => h(Home, { user }) },
  {
    path: '/volunteers',
    access: anyRole,
    nav: 'nav.volunteers',
    render: ({ user }) => h(Volunteers, { user }),
  },
  { path: '/shifts', access: anyRole, nav: 'nav.shifts', render: ({ user }) => h(Shifts, { user }) },
  { path: '/housing', access: anyRole, nav: 'nav.housing', render: ({ user }) => h(Housing, { user }) },
  { path: '/supplies', access: anyRole, nav: 'nav.supplies', render: ({ user }) => h(Supplies, { user }) },
  { path: '/travel', access: anyRole, nav: 'nav.travel', render: () => h(Departures, {}) },
  { path: '/medical', access: anyRole, nav: 'nav.medical', render: ({ user }) => h(Medical, { user }) },
  {
    path: '/resources',
    access: anyRole,
    nav: 'nav.resources',
    render: ({ user }) => h(Resources, { user }),
  },
  { path: '/sites', access: anyRole, nav: 'nav.sites', render: ({ user }) => h(Sites, { user }) },
  { path: '/messages', access: anyRole, nav: 'nav.sms', render: ({ user }) => h(Sms, { user }) },
  { path: '/reports', access: anyRole, nav: 'nav.reports', render: ({ user }) => h(Reports, { user }) },
  { path: '/fund', access: fundLedgerReaders, nav: 'nav.fund', render: () => h(Fund, {}) },
  { path: '/fund/report', access: anyRole, nav: 'nav.fundReport', render: () => h(FundReport, {}) },
  { path: '/users', access: adminsOnly, nav: 'nav.users', render: () => h(Users, {}) },
  { path: '/audit', access: adminsOnly, nav: 'nav.audit', render: () => h(Audit, {}) },
  { path: '/account', access: anyRole, render: ({ user }) => h(Account, { user }) },
  { path: '/releases/new', access: operators, render: ({ user }) => h(ReleaseNew, { user }) },
  { path: '/releases/history', access: anyRole, render: () => h(ReleaseHistory, {}) },
  {
    path: '/releases/:id',
    access: anyRole,
    render: ({ user, params }) => h(ReleasePage, { key: params.id, user, id: Number(params.id) }),
  },
  { path: '/volunteers/import', access: operators, render: () => h(VolunteerImport, {}) },
  { path: '/resources/coverage', access: anyRole, render: () => h(Coverage, {}) },
  {
    path: '/resources/:id',
    access: anyRole,
    render: ({ user, params }) => h(ResourcePage, { key: params.id, user, id: Number(params.id) }),
  },
  {
    path: '/releases/:id/resources',
    access: anyRole,
    render: ({ user, params }) => h(ReleaseSheets, { key: params.id, user, releaseId: Number(params.id) }),
  },
  {
    path: '/volunteers/:id',
    access: anyRole,
    render: ({ user, params }) => h(VolunteerPage, { key: params.id, user, id: Number(params.id) }),
  },
];

/** Pages for signing in: a signed-in user who lands on one belongs on the overview. */
export const publicPaths = ['/login', '/setup'];
/** Pages for people without an account (a volunteer following a texted link): no sign-in, no nav. */
export const openPaths = ['/screen'];

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_whole, name: string) => {
    names.push(name);
    return '(\\d+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

const compiled = routes.map((route) => ({ route, ...compile(route.path) }));

export function matchRoute(path: string): { route: Route; params: Record<string, string> } | null {
  for (const { route, pattern, names } of compiled) {
    const m = pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = m[i + 1] ?? '';
    });
    return { route, params };
  }
  return null;
}

export interface NavItem {
  href: string;
  label: MessageKey;
}

/** The navigation a user sees: only the pages they may open. */
export function navItems(user: AuthUser): NavItem[] {
  return routes.flatMap((r) => (r.nav && allows(r.access, user) ? [{ href: r.path, label: r.nav }] : []));
}
