import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../helpers/app';
import { addRelease, addSite, walk } from '../../helpers/fixtures';

export interface HousingSiteBody {
  name?: string;
  kind?: string;
  beds?: number;
  address?: string;
  familyFriendly?: boolean;
  accessible?: boolean;
  languages?: string[];
  contactName?: string;
  contactPhone?: string;
  contactLanguage?: 'en' | 'es';
  weekdays?: number[];
  blackoutDates?: string[];
  active?: boolean;
}

export interface HousingSiteView {
  id: number;
  name: string;
  address: string | null;
  contactPhone: string | null;
  beds: number;
  freeTonight: number;
}

/** A church hall with ten beds unless the body says otherwise. */
export async function addHousingSite(
  t: TestApp,
  cookie: string,
  body: HousingSiteBody = {},
): Promise<HousingSiteView> {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/housing/sites',
    payload: { name: 'St. Mark hall', kind: 'place_of_worship', beds: 10, ...body },
  });
  if (res.statusCode !== 201) throw new Error(`housing site not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function place(
  t: TestApp,
  cookie: string,
  body: {
    housingSiteId: number;
    releaseId: number;
    people: number;
    checkIn: string;
    nights: number;
    guests?: string;
  },
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: '/api/housing/stays', payload: body });
}

/** A release of `adults` (and `children`) already met at a bus station. */
export async function metRelease(
  t: TestApp,
  cookie: string,
  adults: number,
  children = 0,
  extra: Record<string, unknown> = {},
) {
  const site = await addSite(t, cookie, { name: `Station ${Math.random().toString(36).slice(2, 7)}` });
  const release = await addRelease(t, cookie, {
    siteId: site.id,
    adults,
    children,
    needs: ['housing_tonight', 'food'],
    ...extra,
  });
  await walk(t, cookie, release.id, ['met']);
  return release;
}

export async function occupancy(t: TestApp, cookie: string, from: string, days: number) {
  const res = await t.call(cookie, {
    method: 'GET',
    url: `/api/housing/occupancy?from=${from}&days=${days}`,
  });
  if (res.statusCode !== 200) throw new Error(`occupancy: ${res.statusCode} ${res.body}`);
  return res.json() as {
    nights: string[];
    sites: { housingSiteId: number; beds: number; people: number[] }[];
    total: { beds: number; people: number[] };
  };
}
