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

/**
 * Need-to-know: which roles read each kind of personal field. Everyone else gets it masked (phones keep
 * their country code and last two digits) or left out (null), and may not search or filter by it.
 */
export const fieldReaders = {
  /** A volunteer's or contact's phone, and SMS log numbers. */
  phone: operators,
  /** Screening state, isolation dates and whether a signup counts. */
  health: medicalStaff,
  /** What was texted, both ways, including replies to offers. */
  smsBody: operators,
  /** Where someone sleeps tonight, and the host's phone. */
  housingAddress: operators,
  /** The on-call nurses and doctors: medical staff call them. */
  medicalContactPhone: medicalStaff,
  /**
   * The fund ledger: balances, income, disbursements and their receipt notes (which may say who was
   * helped). Everyone else reads only the donor report, which holds no personal data.
   */
  fundLedger: operators,
} as const satisfies Record<string, readonly Role[]>;
export type PersonalField = keyof typeof fieldReaders;

export function reads(role: Role | null | undefined, field: PersonalField): boolean {
  return !!role && fieldReaders[field].includes(role);
}
