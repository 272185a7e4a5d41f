import { adminsOnly, anyRole, isAdmin, isOperator, medicalStaff, operators, type Role } from '@shared/roles';

/*
 * Who may see a page or use a control: the groups server/access.ts declares its routes with. The server
 * has the last word; the dashboard only leaves out what would be refused.
 */
export type Access = readonly Role[];

export { adminsOnly, anyRole, isAdmin, isOperator, medicalStaff, operators };

export function allows(access: Access, user: { role: Role } | null | undefined): boolean {
  return !!user && access.includes(user.role);
}
