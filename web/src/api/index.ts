import { auditApi } from './audit';
import { authApi } from './auth';
import { dispatchApi } from './dispatch';
import { healthApi } from './health';
import { releasesApi } from './releases';
import { reportsApi } from './reports';
import { shiftsApi } from './shifts';
import { sitesApi } from './sites';
import { smsApi } from './sms';
import { usersApi } from './users';
import { volunteersApi } from './volunteers';

export * from './audit';
export * from './auth';
export * from './dispatch';
export * from './health';
export * from './http';
export * from './releases';
export * from './reports';
export * from './shifts';
export * from './sites';
export * from './sms';
export * from './users';
export * from './volunteers';

/** Every call the dashboard makes, one module per domain. */
export const api = {
  ...authApi,
  ...usersApi,
  ...sitesApi,
  ...auditApi,
  ...healthApi,
  ...smsApi,
  ...volunteersApi,
  ...shiftsApi,
  ...releasesApi,
  ...dispatchApi,
  ...reportsApi,
};
