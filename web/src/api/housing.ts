import type {
  CreateStayInput,
  createHousingSiteBody,
  HostRequest,
  HousingSite,
  hostRequestBody,
  Occupancy,
  Stay,
  Suggestion,
  stayList,
  suggestionList,
  UpdateHousingSiteInput,
} from '@server/modules/housing/housing.schemas';
import type { z } from 'zod';
import { request, withQuery } from './http';

export type { HostRequest, HousingSite, Occupancy, Stay, Suggestion };

/** What the dashboard sends: the server fills the defaults (`active`, `weekdays`…) left out. */
export type HousingSiteBody = z.input<typeof createHousingSiteBody>;
export type HousingSitePatch = UpdateHousingSiteInput;
export type StayBody = CreateStayInput;
export type SuggestionList = z.output<typeof suggestionList>;
export type StayList = z.output<typeof stayList>;
export type HostRequestBody = z.input<typeof hostRequestBody>;

export interface SuggestionParams {
  checkIn?: string;
  nights?: number;
  people?: number;
  accessible?: boolean;
}

export const housingApi = {
  housingSites: () => request<{ items: HousingSite[] }>('/api/housing/sites'),
  createHousingSite: (body: HousingSiteBody, key: string) =>
    request<HousingSite>('/api/housing/sites', { method: 'POST', body, idempotencyKey: key }),
  updateHousingSite: (id: number, body: HousingSitePatch) =>
    request<HousingSite>(`/api/housing/sites/${id}`, { method: 'PATCH', body }),
  occupancy: (days = 14, from?: string) =>
    request<Occupancy>(withQuery('/api/housing/occupancy', { from, days })),
  releaseStays: (releaseId: number) => request<StayList>(withQuery('/api/housing/stays', { releaseId })),
  /** Every stay still holding beds tonight or later, with the network's date tonight. */
  currentStays: () => request<StayList>('/api/housing/stays'),
  placeStay: (body: StayBody, key: string) =>
    request<Stay>('/api/housing/stays', { method: 'POST', body, idempotencyKey: key }),
  extendStay: (id: number, nights: number) =>
    request<Stay>(`/api/housing/stays/${id}/extend`, { method: 'POST', body: { nights } }),
  moveStay: (id: number, housingSiteId: number) =>
    request<Stay>(`/api/housing/stays/${id}/move`, { method: 'POST', body: { housingSiteId } }),
  checkoutStay: (id: number, on?: string) =>
    request<Stay>(`/api/housing/stays/${id}/checkout`, { method: 'POST', body: on ? { on } : {} }),
  askHost: (body: HostRequestBody, key: string) =>
    request<HostRequest>('/api/housing/requests', { method: 'POST', body, idempotencyKey: key }),
  releaseHostRequests: (releaseId: number) =>
    request<{ items: HostRequest[] }>(withQuery('/api/housing/requests', { releaseId })),
  cancelHostRequest: (id: number) =>
    request<HostRequest>(`/api/housing/requests/${id}/cancel`, { method: 'POST' }),
  housingSuggestions: (releaseId: number, params: SuggestionParams = {}) =>
    request<SuggestionList>(
      withQuery(`/api/releases/${releaseId}/housing/suggestions`, {
        ...params,
        accessible: params.accessible ? 'true' : undefined,
      }),
    ),
};
