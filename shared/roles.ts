/** Who may do what: the roles a user can have and the groups routes are declared with. */
export const roles = ['admin', 'coordinator', 'medical', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const anyRole: readonly Role[] = roles;
export const operators: readonly Role[] = ['admin', 'coordinator'];
export const medicalStaff: readonly Role[] = ['admin', 'coordinator', 'medical'];
export const adminsOnly: readonly Role[] = ['admin'];

export function isOperator(role: Role | null | undefined): boolean {
  return !!role && operators.includes(role);
}

export function isAdmin(role: Role | null | undefined): boolean {
  return role === 'admin';
}
