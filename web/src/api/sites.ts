import type { CreateSiteBody, Site, SiteList, SitePatchBody } from '@server/modules/sites/sites.schemas';
import { request } from './http';

export type { CreateSiteBody, Site };

export const sitesApi = {
  sites: () => request<SiteList>('/api/sites'),
  archivedSites: () => request<SiteList>('/api/sites?archived=true'),
  updateSite: (id: number, body: SitePatchBody) =>
    request<Site>(`/api/sites/${id}`, { method: 'PATCH', body }),
  removeSite: (id: number) =>
    request<{ deleted: boolean; archived: boolean }>(`/api/sites/${id}`, { method: 'DELETE' }),
  createSite: (body: CreateSiteBody, key: string) =>
    request<Site>('/api/sites', { method: 'POST', body, idempotencyKey: key }),
};
