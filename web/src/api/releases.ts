import type {
  CreateReleaseBody,
  NeedsBody,
  NetworkSettings,
  Release,
  ReleaseDetail,
  ReleaseList,
  ReleaseListQuery,
  ReleasePatchBody,
  StatusBody,
  TimelineEntry,
} from '@server/modules/releases/releases.schemas';
import { OVERVIEW_READS } from '@shared/overview';
import type { ReleaseNeed, ReleaseStatus } from '@shared/releases';
import { request, withQuery } from './http';

export type {
  CreateReleaseBody,
  Release,
  ReleaseDetail,
  ReleaseList,
  ReleaseListQuery,
  ReleasePatchBody,
  TimelineEntry,
};

export const releasesApi = {
  settings: () => request<NetworkSettings>('/api/settings'),
  releases: (status: ReleaseListQuery['status'] = 'open') =>
    request<ReleaseList>(withQuery('/api/releases', { status })),
  /** The open releases, by the address the overview preloads. */
  openReleases: () => request<ReleaseList>(OVERVIEW_READS.openReleases),
  searchReleases: (query: ReleaseListQuery) => request<ReleaseList>(withQuery('/api/releases', query)),
  updateRelease: (id: number, body: ReleasePatchBody) =>
    request<ReleaseDetail>(`/api/releases/${id}`, { method: 'PATCH', body }),
  release: (id: number) => request<ReleaseDetail>(`/api/releases/${id}`),
  createRelease: (body: CreateReleaseBody, key: string, timeoutMs?: number) =>
    request<ReleaseDetail>('/api/releases', { method: 'POST', body, idempotencyKey: key, timeoutMs }),
  moveRelease: (id: number, status: ReleaseStatus, note?: string) =>
    request<ReleaseDetail>(`/api/releases/${id}/status`, {
      method: 'POST',
      body: { status, note } satisfies StatusBody,
    }),
  setNeedsMet: (id: number, met: ReleaseNeed[]) =>
    request<ReleaseDetail>(`/api/releases/${id}/needs`, {
      method: 'POST',
      body: { met } satisfies NeedsBody,
    }),
  acknowledgeRelease: (id: number) =>
    request<ReleaseDetail>(`/api/releases/${id}/acknowledge`, { method: 'POST' }),
};
