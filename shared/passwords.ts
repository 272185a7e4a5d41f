/** What a password must be, so the dashboard can say so before anyone types one. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;
