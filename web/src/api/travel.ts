import type {
  Board,
  CreateItineraryInput,
  createItineraryBody,
  Itinerary,
  Leg,
  ShareResult,
  UpdateItineraryInput,
} from '@server/modules/travel/travel.schemas';
import type { z } from 'zod';
import { request, withQuery } from './http';

export type { Board, Itinerary, Leg, ShareResult };

/** What the dashboard sends: the server fills the defaults (ticket, language) left out. */
export type ItineraryBody = z.input<typeof createItineraryBody>;
export type ItineraryPatch = UpdateItineraryInput;
export type { CreateItineraryInput };

export const travelApi = {
  departures: (date?: string) => request<Board>(withQuery('/api/itineraries', { date })),
  releaseItineraries: (releaseId: number) =>
    request<{ items: Itinerary[] }>(`/api/releases/${releaseId}/itineraries`),
  createItinerary: (releaseId: number, body: ItineraryBody, key: string) =>
    request<Itinerary>(`/api/releases/${releaseId}/itineraries`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  updateItinerary: (id: number, body: ItineraryPatch) =>
    request<Itinerary>(`/api/itineraries/${id}`, { method: 'PATCH', body }),
  deleteItinerary: (id: number) => request<void>(`/api/itineraries/${id}`, { method: 'DELETE' }),
  shareItinerary: (id: number, body: { to?: string; language?: 'en' | 'es' } = {}) =>
    request<ShareResult>(`/api/itineraries/${id}/share`, { method: 'POST', body }),
  travelBags: (id: number, body: { itemId: number; siteId: number; count?: number }) =>
    request<Itinerary>(`/api/itineraries/${id}/travel-bags`, { method: 'POST', body }),
};
