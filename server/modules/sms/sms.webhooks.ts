import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
// The signature check alone, not the whole REST client (about 12 MB less in memory when SMS is console).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { ForbiddenError } from '../../errors';
import { inboundWebhook, statusWebhook } from './sms.schemas';
import type { SmsService } from './sms.service';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's form-encoded webhooks. The form parser lives only in this scope, so no other route accepts a
 * cross-site form; each request must carry a valid X-Twilio-Signature computed over PUBLIC_URL (not the
 * Host header, which a proxy rewrites), else 403 and nothing is recorded.
 */
export function smsWebhooks(service: SmsService, wakeOutbox: () => void) {
  return async (app: FastifyInstance) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    const { config } = app.core;

    function verify(request: FastifyRequest) {
      const signature = request.headers['x-twilio-signature'];
      const token = config.TWILIO_AUTH_TOKEN;
      const params = (request.body ?? {}) as Record<string, string>;
      const url = `${config.PUBLIC_URL}${request.url}`;
      if (!token || typeof signature !== 'string' || !validateRequest(token, signature, url, params)) {
        throw new ForbiddenError('The Twilio signature is missing or wrong', 'invalid_signature');
      }
    }

    const r = app.withTypeProvider<ZodTypeProvider>();
    // Only Twilio reads these answers, never a browser: a page's security headers would mean nothing
    // here, and building them costs each text more than its signature check.
    r.post(
      '/sms/inbound',
      {
        helmet: false,
        config: { access: 'public' },
        preValidation: async (request) => verify(request),
        schema: { tags: ['sms'], summary: 'Twilio inbound SMS webhook (signed)', body: inboundWebhook },
      },
      async (request, reply) => {
        const { MessageSid, From, Body } = request.body;
        service.receive({ messageSid: MessageSid, from: From, body: Body }, true);
        wakeOutbox();
        return reply.type('text/xml').send(EMPTY_TWIML);
      },
    );
    r.post(
      '/sms/status',
      {
        helmet: false,
        config: { access: 'public' },
        preValidation: async (request) => verify(request),
        schema: { tags: ['sms'], summary: 'Twilio status callback (signed)', body: statusWebhook },
      },
      async (request, reply) => {
        const { MessageSid, MessageStatus, ErrorCode } = request.body;
        service.applyProviderStatus(MessageSid, MessageStatus, ErrorCode ?? null, true);
        return reply.type('text/xml').send(EMPTY_TWIML);
      },
    );
  };
}
