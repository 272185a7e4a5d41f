import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../errors';

function send(
  reply: import('fastify').FastifyReply,
  status: number,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
) {
  return reply.status(status).send({ error: { code, message, details } });
}

const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'validation' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'validation' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'validation' },
};

/** Fastify's own refusals before routing (a URL that does not decode), in API.md's shape. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const badUrl = err.code === 'FST_ERR_BAD_URL';
  reply.status(400).send({
    error: {
      code: 'validation',
      message: badUrl ? 'The address is not valid' : 'The request is not valid',
      details: badUrl ? [{ path: 'url', message: 'is not a valid address' }] : [],
    },
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a malformed
 * request line, a request too slow): answered in API.md's shape, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'headers_too_large' : status === 408 ? 'request_timeout' : 'validation';
  const body = JSON.stringify({
    error: { code, message: STATUS_TEXT[status] ?? 'Bad Request', details: [] },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const INTERNAL_MESSAGE = 'Something went wrong on the server; it has been logged';

/** One error handler: API.md's shape for every failure, and never a stack trace to the client. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    // A thrown string or null would make the checks below throw, and Fastify's fallback echoes it.
    if (typeof err !== 'object' || err === null) {
      request.log.error({ thrown: String(err) }, 'unhandled non-error thrown');
      return send(reply, 500, 'internal', INTERNAL_MESSAGE);
    }
    if (err instanceof AppError) return send(reply, err.statusCode, err.code, err.message, err.details);

    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is not valid',
      }));
      const names = details.map((d) => d.path).join(', ');
      return send(reply, 400, 'validation', `Check these fields: ${names}`, details);
    }

    if (err.code === 'FST_ERR_VALIDATION' || err.validation) {
      return send(reply, 400, 'validation', err.message);
    }

    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'The body is not valid JSON' : err.message;
      return send(
        reply,
        known.status,
        known.code,
        message,
        known.code === 'validation' ? [{ path: 'body', message }] : [],
      );
    }

    if (err instanceof SyntaxError && err.statusCode === 400) {
      return send(reply, 400, 'validation', 'The body is not valid JSON', [
        { path: 'body', message: 'is not valid JSON' },
      ]);
    }

    if (err.statusCode === 429)
      return send(reply, 429, 'rate_limited', 'Too many attempts; wait and try again');

    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, 'bad_request', err.message);
    }

    if (isResponseSerializationError(err))
      request.log.error({ err, cause: err.cause }, 'response did not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', INTERNAL_MESSAGE);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`),
  );
});
