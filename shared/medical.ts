/** Medical on-call words shared by the server's rules and the dashboard. */
export const medicalRoles = ['doctor', 'nurse', 'emt', 'mental_health', 'other'] as const;
export type MedicalRole = (typeof medicalRoles)[number];

export const scheduleLayers = ['primary', 'backup'] as const;
export type ScheduleLayer = (typeof scheduleLayers)[number];

export const handoffs = ['daily', 'weekly'] as const;
export type Handoff = (typeof handoffs)[number];

/** triggered (texted, waiting for ACK) → acknowledged → resolved; or exhausted when nobody answered. */
export const pageStatuses = ['triggered', 'acknowledged', 'resolved', 'exhausted'] as const;
export type PageStatus = (typeof pageStatuses)[number];

/** Who a page is with: the primary on call, then the backup, then the coordinators. */
export const pageLevels = ['primary', 'backup', 'coordinators'] as const;
export type PageLevel = (typeof pageLevels)[number];

export const pageEventKinds = [
  'created',
  'notified',
  'escalated',
  'acknowledged',
  'resolved',
  'exhausted',
] as const;
export type PageEventKind = (typeof pageEventKinds)[number];

export const MAX_PAGE_REASON = 160;
/** The schedule view and its gap check look this far ahead. */
export const GAP_DAYS = 14;
