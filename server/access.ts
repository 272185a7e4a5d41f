import type { Role } from '../db/schema';

/** Who may call a route. Every route under /api, /ws and /sms declares one; the auth plugin enforces it. */
export type Access = 'public' | readonly Role[];

export const anyRole: readonly Role[] = ['admin', 'coordinator', 'medical', 'viewer'];
export const operators: readonly Role[] = ['admin', 'coordinator'];
export const medicalStaff: readonly Role[] = ['admin', 'coordinator', 'medical'];
export const adminsOnly: readonly Role[] = ['admin'];
