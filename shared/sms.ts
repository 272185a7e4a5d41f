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

/** Ten segments: the longest message a coordinator may write. */
export const MAX_SMS_BODY = 1600;

export const broadcastSkipReasons = ['opted_out', 'inactive', 'not_found'] as const;
export type BroadcastSkipReason = (typeof broadcastSkipReasons)[number];

/** A phone as typed, before it is normalised to E.164. */
export const MAX_PHONE_INPUT = 40;
