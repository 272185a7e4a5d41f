import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../helpers/app';
import { addRelease, addSite, walk } from '../../helpers/fixtures';

export interface LegBody {
  carrier?: string;
  from?: string;
  fromZone?: string;
  departsAt: string;
  to?: string;
  toZone?: string;
  arrivesAt: string;
}

export interface ItineraryView {
  id: number;
  releaseId: number;
  releaseCode: string;
  siteName: string;
  people: number;
  destination: string | null;
  legs: Array<{
    carrier: string;
    from: string;
    fromZone: string;
    departsAt: string;
    to: string;
    toZone: string;
    arrivesAt: string;
    transferMinutes: number | null;
  }>;
  ticket: string;
  seats: string | null;
  confirmation: string | null;
  language: string;
  departsAt: string;
  arrivesAt: string;
  shared: boolean;
  travelBags: number;
  departed: boolean;
  purged: boolean;
}

/** El Paso (Mountain) → Dallas (Central), then Dallas → Atlanta (Eastern), on the Tuesday after the test clock. */
export const EL_PASO_TO_ATLANTA: LegBody[] = [
  {
    carrier: 'Greyhound 1550',
    from: 'El Paso',
    fromZone: 'America/Denver',
    departsAt: '2026-03-03T13:00',
    to: 'Dallas',
    toZone: 'America/Chicago',
    arrivesAt: '2026-03-04T00:30',
  },
  {
    carrier: 'Greyhound 1676',
    from: 'Dallas',
    fromZone: 'America/Chicago',
    departsAt: '2026-03-04T02:00',
    to: 'Atlanta',
    toZone: 'America/New_York',
    arrivesAt: '2026-03-04T17:45',
  },
];

export function postItinerary(
  t: TestApp,
  cookie: string,
  releaseId: number,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: `/api/releases/${releaseId}/itineraries`, payload: body });
}

/** Two people to Atlanta on the El Paso → Dallas → Atlanta bus unless the body says otherwise. */
export async function addItinerary(
  t: TestApp,
  cookie: string,
  releaseId: number,
  body: Record<string, unknown> = {},
): Promise<ItineraryView> {
  const res = await postItinerary(t, cookie, releaseId, {
    people: 2,
    destination: 'Atlanta',
    legs: EL_PASO_TO_ATLANTA,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`itinerary not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A release of two adults and a child, met at an El Paso bus station, needing tickets and a travel bag. */
export async function metFamily(t: TestApp, cookie: string, extra: Record<string, unknown> = {}) {
  const site = await addSite(t, cookie, { name: `El Paso ${Math.random().toString(36).slice(2, 6)}` });
  const release = await addRelease(t, cookie, {
    siteId: site.id,
    adults: 2,
    children: 1,
    needs: ['travel_tickets', 'travel_bag', 'food'],
    ...extra,
  });
  await walk(t, cookie, release.id, ['met']);
  return release;
}

export function share(t: TestApp, cookie: string, id: number, body: Record<string, unknown> = {}) {
  return t.call(cookie, { method: 'POST', url: `/api/itineraries/${id}/share`, payload: body });
}
