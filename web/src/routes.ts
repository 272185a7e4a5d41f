import { type ComponentChild, h } from 'preact';
import { type Access, adminsOnly, allows, anyRole, operators } from './access';
import type { AuthUser } from './api';
import type { MessageKey } from './i18n';
import { Audit } from './pages/Audit';
import { Account } from './pages/account/Account';
import { Home } from './pages/Home';
import { Housing } from './pages/housing/Housing';
import { Medical } from './pages/medical/Medical';
import { ReleasePage } from './pages/Release';
import { ReleaseHistory } from './pages/ReleaseHistory';
import { Releases } from './pages/Releases';
import { Reports } from './pages/Reports';
import { ReleaseNew } from './pages/release-new/ReleaseNew';
import { Sites } from './pages/Sites';
import { Shifts } from './pages/shifts/Shifts';
import { Sms } from './pages/sms/Sms';
import { Supplies } from './pages/supplies/Supplies';
import { Users } from './pages/users/Users';
import { VolunteerImport } from './pages/VolunteerImport';
import { VolunteerPage } from './pages/volunteer/VolunteerPage';
import { Volunteers } from './pages/volunteers/Volunteers';

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
  { path: '/medical', access: anyRole, nav: 'nav.medical', render: ({ user }) => h(Medical, { user }) },
  { path: '/sites', access: anyRole, nav: 'nav.sites', render: ({ user }) => h(Sites, { user }) },
  { path: '/messages', access: anyRole, nav: 'nav.sms', render: ({ user }) => h(Sms, { user }) },
  { path: '/reports', access: anyRole, nav: 'nav.reports', render: ({ user }) => h(Reports, { user }) },
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
