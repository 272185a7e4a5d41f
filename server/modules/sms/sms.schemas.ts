import { z } from 'zod';
import {
  broadcastSkipReasons,
  MAX_PHONE_INPUT,
  MAX_SMS_BODY,
  smsDirections,
  smsKinds,
  smsLanguages,
  smsStatuses,
} from '../../../shared';

/** Twilio's own limit for one message body. */
export const MAX_BODY = MAX_SMS_BODY;

export const smsBody = z.string().trim().min(1, 'must not be empty').max(MAX_BODY);
export const phoneInput = z.string().trim().min(3).max(MAX_PHONE_INPUT);

export const smsMessage = z.object({
  id: z.number().int(),
  direction: z.enum(smsDirections),
  /** Masked for roles that may not read phones (shared/roles.ts). */
  phone: z.string(),
  /** Null for roles that may not read texts; link tokens are hidden from everyone. */
  body: z.string().nullable(),
  kind: z.enum(smsKinds),
  language: z.enum(smsLanguages).nullable(),
  status: z.enum(smsStatuses),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number().int(),
  relatedType: z.string().nullable(),
  relatedId: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number().int(),
});
export type SmsMessage = z.infer<typeof smsMessage>;

export const smsPage = z.object({ items: z.array(smsMessage), nextBefore: z.number().int().nullable() });
export type SmsPage = z.output<typeof smsPage>;

export const listQuery = z.object({
  direction: z.enum(smsDirections).optional(),
  status: z.enum(smsStatuses).optional(),
  phone: phoneInput.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SmsListQuery = z.input<typeof listQuery>;

export const sendBody = z.object({ to: phoneInput, body: smsBody });
export type SendBody = z.input<typeof sendBody>;

export const simulateBody = z.object({ from: phoneInput, body: z.string().max(MAX_BODY) });
export type SimulateBody = z.input<typeof simulateBody>;

export const simulateResult = z.object({ inbound: smsMessage, replies: z.array(smsMessage) });
export type SimulateResult = z.output<typeof simulateResult>;

export const optOut = z.object({ phone: z.string(), keyword: z.string(), optedOutAt: z.string() });
export type OptOut = z.output<typeof optOut>;
export const optOutList = z.object({ items: z.array(optOut) });
export type OptOutList = z.output<typeof optOutList>;

export const broadcastBody = z.object({
  body: smsBody,
  /** Sent instead of `body` to volunteers who read texts in Spanish. */
  bodyEs: smsBody.optional(),
  volunteerIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
  shiftId: z.number().int().positive().optional(),
  /** Sent at once even in quiet hours (a release tonight), instead of waiting for the morning. */
  urgent: z.boolean().optional(),
});
export type BroadcastBody = z.input<typeof broadcastBody>;

export const broadcastResult = z.object({
  queued: z.number().int(),
  messageIds: z.array(z.number().int()),
  /** When quiet hours hold the messages, the time they will go; null when they go now. */
  heldUntil: z.string().nullable(),
  skipped: z.array(z.object({ volunteerId: z.number().int(), reason: z.enum(broadcastSkipReasons) })),
});
export type BroadcastResult = z.output<typeof broadcastResult>;

/** Twilio's inbound webhook fields we use (it sends many more). */
export const inboundWebhook = z.object({
  MessageSid: z.string().min(1).max(64),
  From: z.string().min(1).max(40),
  Body: z.string().max(MAX_BODY).default(''),
});

export const statusWebhook = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});
