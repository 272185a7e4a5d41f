import { type PersonalField, type Role, reads } from '../shared/roles';
import { ForbiddenError } from './errors';
import { redactPhone } from './lib/redact';

export { adminsOnly, anyRole, medicalStaff, operators, reads } from '../shared/roles';

/** Who may call a route. Every route under /api, /ws and /sms declares one; the auth plugin enforces it. */
export type Access = 'public' | readonly Role[];

/** A phone as this role may see it: whole for those who need it, else enough to tell two apart. */
export function phoneFor(role: Role, phone: string): string {
  return reads(role, 'phone') || phone === '' ? phone : redactPhone(phone);
}

/** A personal value for those who need it, null for everyone else. */
export function shownTo<T>(role: Role, field: PersonalField, value: T): T | null {
  return reads(role, field) ? value : null;
}

/** Searching or filtering by a field one may not read would reveal it one answer at a time. */
export function mayFilterBy(role: Role, field: PersonalField, path: string, used: boolean): void {
  if (used && !reads(role, field)) {
    throw new ForbiddenError(`Your role may not filter by ${path}`, 'field_forbidden');
  }
}
