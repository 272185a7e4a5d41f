import type { CreateSiteBody, Site, SiteList } from '@server/modules/sites/sites.schemas';
import { request } from './http';

export type { CreateSiteBody, Site };

export const sitesApi = {
  sites: () => request<SiteList>('/api/sites'),
  createSite: (body: CreateSiteBody, key: string) =>
    request<Site>('/api/sites', { method: 'POST', body, idempotencyKey: key }),
};
