import twilio from 'twilio';
import type { Config } from '../../config';
import type { OutgoingSms, SendResult, SmsGateway } from './sms.gateway';

/** Consecutive retryable failures after which /healthz reports SMS as degraded. */
const DEGRADED_AFTER = 3;

interface TwilioFailure {
  status?: number;
  code?: number;
  message?: string;
}

/**
 * 429, 5xx, timeouts and network errors may pass: retry. Anything else Twilio refused (21610 opted
 * out, 21211 invalid number, 21614 not a mobile…) will be refused again: final.
 */
export function classifyTwilioError(err: unknown): SendResult {
  const e = (err ?? {}) as TwilioFailure;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const message = e.message ?? String(err);
  if (status === undefined || status === 429 || status >= 500) {
    return { ok: false, retryable: true, code: String(e.code ?? status ?? 'network'), message };
  }
  return { ok: false, retryable: false, code: String(e.code ?? status), message };
}

export function twilioGateway(config: Readonly<Config>): SmsGateway {
  const {
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_FROM,
    TWILIO_MESSAGING_SERVICE_SID,
    TWILIO_API_BASE,
  } = config;
  if (!TWILIO_ACCOUNT_SID || !TWILIO_AUTH_TOKEN)
    throw new Error('twilio driver needs an account sid and token');
  const client = twilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, {
    timeout: config.TWILIO_TIMEOUT_MS,
    autoRetry: false,
  });
  if (TWILIO_API_BASE) client.api.baseUrl = TWILIO_API_BASE.replace(/\/+$/, '');
  const sender = TWILIO_MESSAGING_SERVICE_SID
    ? { messagingServiceSid: TWILIO_MESSAGING_SERVICE_SID }
    : { from: TWILIO_FROM! };
  let failuresInARow = 0;

  return {
    driver: 'twilio',
    healthy: () => failuresInARow < DEGRADED_AFTER,
    async send(message: OutgoingSms): Promise<SendResult> {
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.body,
          ...sender,
          ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
        });
        failuresInARow = 0;
        return { ok: true, providerSid: created.sid, delivered: false };
      } catch (err) {
        const result = classifyTwilioError(err);
        if (!result.ok && result.retryable) failuresInARow += 1;
        return result;
      }
    },
  };
}
