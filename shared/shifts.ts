/** Limits of a shift, shared by the shift forms and the server's contracts. */
export const MAX_SHIFT_NEEDED = 100;
export const MAX_SHIFT_ROLE = 60;
