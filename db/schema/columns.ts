import { integer } from 'drizzle-orm/sqlite-core';

/** Instants are stored as epoch milliseconds and read back as Date. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
