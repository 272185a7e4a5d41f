import { auditApi } from './audit';
import { authApi } from './auth';
import { dispatchApi } from './dispatch';
import { fundApi } from './fund';
import { healthApi } from './health';
import { housingApi } from './housing';
import { medicalApi } from './medical';
import { releasesApi } from './releases';
import { reportsApi } from './reports';
import { resourcesApi } from './resources';
import { shiftsApi } from './shifts';
import { sitesApi } from './sites';
import { smsApi } from './sms';
import { suppliesApi } from './supplies';
import { travelApi } from './travel';
import { usersApi } from './users';
import { volunteersApi } from './volunteers';

export * from './audit';
export * from './auth';
export * from './dispatch';
export * from './fund';
export * from './health';
export * from './housing';
export * from './http';
export * from './medical';
export * from './releases';
export * from './reports';
export * from './resources';
export * from './shifts';
export * from './sites';
export * from './sms';
export * from './supplies';
export * from './travel';
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
  ...fundApi,
  ...housingApi,
  ...suppliesApi,
  ...travelApi,
  ...reportsApi,
  ...medicalApi,
  ...resourcesApi,
};
