import type { AuthUser, Site } from '../api';
import { readJson, remove, writeJson } from './storage';

/*
 * What the intake needs to open with no connection: who is signed in and which sites exist. Only the
 * account's own id, name and role, and site names: nothing about the people a release counts.
 */

const USER_KEY = 'bv.offline.user';
const SITES_KEY = 'bv.offline.sites';
const LAST_SITE_KEY = 'bv.lastSite';

export type CachedSite = Pick<Site, 'id' | 'name'>;

export function rememberUser(user: AuthUser): void {
  writeJson(USER_KEY, { id: user.id, name: user.name, role: user.role, email: '' } satisfies AuthUser);
}

export function cachedUser(): AuthUser | null {
  const user = readJson<AuthUser>(USER_KEY);
  return user && typeof user.id === 'number' && typeof user.role === 'string' ? user : null;
}

/** On sign-out the device must stop opening as signed in; queued releases stay until they are sent. */
export function forgetUser(): void {
  remove(USER_KEY);
}

export function rememberSites(sites: Site[]): void {
  writeJson(
    SITES_KEY,
    sites.map((s) => ({ id: s.id, name: s.name })),
  );
}

export function cachedSites(): CachedSite[] {
  const sites = readJson<CachedSite[]>(SITES_KEY);
  return Array.isArray(sites) ? sites : [];
}

export function lastSiteId(): number | null {
  const id = readJson<number>(LAST_SITE_KEY);
  return typeof id === 'number' ? id : null;
}

export function rememberLastSite(id: number): void {
  writeJson(LAST_SITE_KEY, id);
}
