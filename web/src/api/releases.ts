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
import type { ReleaseNeed, ReleaseStatus } from '@shared/releases';
import { request, withQuery } from './http';

export type { CreateReleaseBody, Release, ReleaseDetail, ReleaseListQuery, ReleasePatchBody, TimelineEntry };

/** The board's read, preloaded with the overview (server/plugins/web-html.ts). */
export const OPEN_RELEASES_PATH = withQuery('/api/releases', { status: 'open' });

export const releasesApi = {
  settings: () => request<NetworkSettings>('/api/settings'),
  releases: (status: ReleaseListQuery['status'] = 'open') =>
    request<ReleaseList>(withQuery('/api/releases', { status })),
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
