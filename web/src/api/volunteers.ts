import type {
  ScreeningAnswers,
  ScreeningLinkInfo,
  ScreeningLinkResult,
  ScreenOutcome,
} from '@server/modules/screening/screening.schemas';
import type {
  ImportReport,
  ImportRow,
  RosterQuery,
  ScreeningState,
  VolunteerBody,
  VolunteerCounts,
  VolunteerDetail,
  VolunteerList,
  VolunteerPatchBody,
} from '@server/modules/volunteers/volunteers.schemas';
import { request, withQuery } from './http';

export type {
  ImportReport,
  ImportRow,
  RosterQuery,
  ScreeningAnswers,
  ScreeningLinkInfo,
  ScreeningLinkResult,
  ScreeningState,
  ScreenOutcome,
  VolunteerBody,
  VolunteerDetail,
  VolunteerPatchBody,
};

export const volunteersApi = {
  volunteers: (query: RosterQuery = {}) => request<VolunteerList>(withQuery('/api/volunteers', query)),
  volunteerCounts: () => request<VolunteerCounts>('/api/volunteers/counts'),
  volunteer: (id: number) => request<VolunteerDetail>(`/api/volunteers/${id}`),
  createVolunteer: (body: VolunteerBody, key: string) =>
    request<VolunteerDetail>('/api/volunteers', { method: 'POST', body, idempotencyKey: key }),
  updateVolunteer: (id: number, body: VolunteerPatchBody) =>
    request<VolunteerDetail>(`/api/volunteers/${id}`, { method: 'PATCH', body }),
  eraseVolunteer: (id: number) =>
    request<{ id: number; erased: true }>(`/api/volunteers/${id}`, { method: 'DELETE' }),
  recordScreening: (id: number, body: ScreeningAnswers, key: string) =>
    request<ScreenOutcome>(`/api/volunteers/${id}/screenings`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  importVolunteers: (csv: string, key: string) =>
    request<ImportReport>('/api/volunteers/import', {
      method: 'POST',
      raw: { type: 'text/csv', text: csv },
      idempotencyKey: key,
    }),
  checkScreeningLink: (token: string) =>
    request<ScreeningLinkInfo>('/api/screening/link/check', {
      method: 'POST',
      body: { token },
      expectUnauthorized: true,
    }),
  screenByLink: (body: { token: string } & ScreeningAnswers, key: string) =>
    request<ScreeningLinkResult>('/api/screening/link', {
      method: 'POST',
      body,
      idempotencyKey: key,
      expectUnauthorized: true,
    }),
};
