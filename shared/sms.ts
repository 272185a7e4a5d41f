/** SMS words shared by the outbox, the log and the dashboard. */
export const smsDirections = ['outbound', 'inbound'] as const;
export type SmsDirection = (typeof smsDirections)[number];

/**
 * queued (in our outbox) → sending (being handed over) → submitted (the provider took it) → sent →
 * delivered | undelivered | failed; opted_out: never handed over because the number said STOP;
 * received: an inbound message.
 */
export const smsStatuses = [
  'queued',
  'sending',
  'submitted',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'opted_out',
  'received',
] as const;
export type SmsStatus = (typeof smsStatuses)[number];

/** What a message is for decides its urgency and whether quiet hours hold it back. */
export const smsKinds = [
  'offer',
  'page',
  'reply',
  'direct',
  'opt_confirmation',
  'reminder',
  'broadcast',
  /** A broadcast a coordinator marked urgent: quiet hours do not hold it. */
  'urgent_broadcast',
  'inbound',
] as const;
export type SmsKind = (typeof smsKinds)[number];

/** The languages every SMS text and the dashboard are written in. */
export const smsLanguages = ['en', 'es'] as const;
export type SmsLanguage = (typeof smsLanguages)[number];

/** The dashboard's language for a browser's language tag ("es-MX" → es): Spanish for any Spanish, else English. */
export function dashboardLang(tag: string): SmsLanguage {
  return tag.trim().toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * The cookie in which the dashboard keeps the reader's chosen language for the server, which then sends
 * that language's words with the page. It holds `en` or `es`, nothing else.
 */
export const DASHBOARD_LANG_COOKIE = 'bv_lang';

/** Ten segments: the longest message a coordinator may write. */
export const MAX_SMS_BODY = 1600;

export const broadcastSkipReasons = ['opted_out', 'inactive', 'not_found'] as const;
export type BroadcastSkipReason = (typeof broadcastSkipReasons)[number];

/** A phone as typed, before it is normalised to E.164. */
export const MAX_PHONE_INPUT = 40;
