import type { Role } from '../shared/roles';

export { adminsOnly, anyRole, medicalStaff, operators } from '../shared/roles';

/** Who may call a route. Every route under /api, /ws and /sms declares one; the auth plugin enforces it. */
export type Access = 'public' | readonly Role[];
