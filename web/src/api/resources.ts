import type {
  Coverage,
  CreateResourceInput,
  OfflineLibrary,
  ReleaseBundle,
  Resource,
  ResourceList,
  UpdateResourceInput,
} from '@server/modules/resources/resources.schemas';
import { request } from './http';

export type { Coverage, OfflineLibrary, ReleaseBundle, Resource, ResourceList };
export type LibraryItem = OfflineLibrary['items'][number];

export interface NewVersion {
  language: string;
  body?: string;
  file?: string;
  fileName?: string;
}

export const resourcesApi = {
  resources: (tag?: string) => request<ResourceList>(`/api/resources${tag ? `?tag=${tag}` : ''}`),
  offlineLibrary: () => request<OfflineLibrary>('/api/resources/offline', { timeoutMs: 15_000 }),
  resource: (id: number) => request<Resource>(`/api/resources/${id}`, { timeoutMs: 15_000 }),
  createResource: (body: Partial<CreateResourceInput> & { title: string }, key: string) =>
    request<Resource>('/api/resources', { method: 'POST', body, idempotencyKey: key }),
  updateResource: (id: number, body: UpdateResourceInput) =>
    request<Resource>(`/api/resources/${id}`, { method: 'PATCH', body }),
  removeResource: (id: number) => request<void>(`/api/resources/${id}`, { method: 'DELETE' }),
  addVersion: (id: number, body: NewVersion, key: string) =>
    request<Resource>(`/api/resources/${id}/versions`, { method: 'POST', body, idempotencyKey: key }),
  removeVersion: (id: number, language: string) =>
    request<Resource>(`/api/resources/${id}/versions/${encodeURIComponent(language)}`, { method: 'DELETE' }),
  sendResource: (id: number, body: { to: string; language: string; releaseId?: number }, key: string) =>
    request<{ smsId: number; language: string; url: string }>(`/api/resources/${id}/send`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  resourceCoverage: () => request<Coverage>('/api/resources/coverage'),
  releaseBundle: (releaseId: number) => request<ReleaseBundle>(`/api/releases/${releaseId}/resources`),
  shareWithRelease: (releaseId: number, resourceIds: number[], how: 'printed' | 'shown') =>
    request<{ needsMet: string[] }>(`/api/releases/${releaseId}/resources/shared`, {
      method: 'POST',
      body: { resourceIds, how },
    }),
};
