import path from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { passwordProblem } from './lib/password-policy';

const flag = z
  .enum(['', '0', '1', 'true', 'false'])
  .default('')
  .transform((v) => v === '1' || v === 'true');

/** An IPv4 or IPv6 address, with an optional /prefix. */
const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(\/\d{1,3})?$/i;

/**
 * Which proxies may say who the client is. `1`…`9`: that many hops in front of the app (the client
 * is read that many entries from the right of X-Forwarded-For, never the left-most one it wrote
 * itself); or the proxies' own addresses, comma-separated; off by default.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((v) => v.trim())
  .refine(
    (v) =>
      ['', '0', 'false', 'true'].includes(v) ||
      /^[1-9]$/.test(v) ||
      v.split(',').every((a) => ADDRESS.test(a.trim())),
    'must be a number of proxy hops (1-9) or the proxies’ addresses, comma-separated',
  )
  .transform((v): false | number | string[] => {
    if (v === '' || v === '0' || v === 'false') return false;
    if (v === 'true') return 1;
    if (/^[1-9]$/.test(v)) return Number(v);
    return v.split(',').map((a) => a.trim());
  });

const optional = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    NETWORK_TZ: z
      .string()
      .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone such as America/Denver')
      .default(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
    SMS_DRIVER: z.enum(['console', 'twilio']).default('console'),
    TWILIO_ACCOUNT_SID: optional,
    TWILIO_AUTH_TOKEN: optional,
    TWILIO_FROM: optional,
    TWILIO_MESSAGING_SERVICE_SID: optional,
    TWILIO_API_BASE: z.url().optional(),
    SMS_QUIET_HOURS: z
      .string()
      .regex(
        /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
        'must be HH:mm-HH:mm (e.g. 21:00-08:00) or off',
      )
      .default('21:00-08:00'),
    DEFAULT_COUNTRY: z
      .string()
      .refine((c) => isSupportedCountry(c), 'must be a two-letter country code such as US or MX')
      .default('US'),
    TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    SMS_RATE_PER_SEC: z.coerce.number().positive().max(1000).default(1),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(256).optional(),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    DEMO: flag,
    SCREENING_VALID_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 7)
      .default(24),
    ISOLATION_DAYS: z.coerce.number().int().min(1).max(60).default(10),
    SHIFT_REMINDER_HOURS: z.coerce.number().min(0).max(72).default(3),
    DISPATCH_ON_LOG: flag,
    DISPATCH_WAVE_FACTOR: z.coerce.number().min(1).max(10).default(2),
    DISPATCH_OFFER_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
    DISPATCH_MAX_WAVES: z.coerce.number().int().min(1).max(20).default(3),
    HOST_REPLY_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
    PAGE_ACK_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
    /** The network's help line, printed on the traveller's itinerary page. */
    HELP_PHONE: z
      .string()
      .max(40)
      .regex(/^[+\d\s().-]*$/, 'must be a phone number such as +1 915 555 0100')
      .optional()
      .transform((v) => v?.trim() || undefined),
    /** How long after the last leg's arrival the traveller's link still opens. */
    TRAVEL_LINK_GRACE_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 14)
      .default(24),
    /** Largest PDF or image a resource sheet may carry, in bytes. */
    RESOURCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(10 * 1024)
      .max(20 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    DISPATCH_DEADLINE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(45),
    SESSION_IDLE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(14),
    BACKUP_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 7)
      .default(24),
    /** ISO 4217, as Intl knows it: the one currency the fund counts in. */
    CURRENCY: z
      .string()
      .default('USD')
      .transform((v) => v.trim().toUpperCase() || 'USD')
      .refine(
        (v) => /^[A-Z]{3}$/.test(v) && Intl.supportedValuesOf('currency').includes(v),
        'must be an ISO 4217 currency code such as USD or MXN',
      ),
    FUND_APPROVAL_CENTS: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
    /** Hours one accepted dispatch counts for in the donor report: a trip to the station and back. */
    REPORT_HOURS_PER_DISPATCH: z.coerce.number().min(0).max(24).default(3),
    TRUST_PROXY: trustProxy,
    /** How long a client may take to send one whole request (headers and body). */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  })
  .superRefine((env, ctx) => {
    if (env.SMS_DRIVER !== 'twilio') return;
    for (const key of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when SMS_DRIVER=twilio' });
    }
    if (!env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_FROM'],
        message: 'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is required when SMS_DRIVER=twilio',
      });
    }
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
      });
    }
    const weak = env.ADMIN_PASSWORD ? passwordProblem(env.ADMIN_PASSWORD, env.ADMIN_EMAIL) : null;
    if (weak) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: weak });
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  PUBLIC_URL: string;
  DATA_DIR: string;
  /** SQLite file inside DATA_DIR. */
  dbFile: string;
  secureCookies: boolean;
}

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; errors: string[] };

/** Parses the environment; every bad variable gets one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  // An empty variable (as compose files write for unset ones) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const errors = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    return { ok: false, errors };
  }
  const value = parsed.data;
  const publicUrl = (value.PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, '');
  const dataDir = path.resolve(value.DATA_DIR);
  const config: Config = {
    ...value,
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    dbFile: path.join(dataDir, 'bienvenida.db'),
    secureCookies: publicUrl.startsWith('https://'),
  };
  return { ok: true, config: Object.freeze(config) };
}

/** A config for tests and scripts: the defaults with the given overrides. */
export function configFrom(env: Record<string, string | undefined>): Readonly<Config> {
  const result = loadConfig(env as NodeJS.ProcessEnv);
  if (!result.ok) throw new Error(`invalid configuration:\n${result.errors.join('\n')}`);
  return result.config;
}
