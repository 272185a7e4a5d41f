import type { AuditEntry, AuditPage, AuditQuery } from '@server/modules/audit/audit.schemas';
import { request, withQuery } from './http';

export type { AuditEntry, AuditQuery };

export const auditApi = {
  audit: (query: AuditQuery) => request<AuditPage>(withQuery('/api/audit', query)),
};
