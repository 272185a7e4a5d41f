import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ConflictError, ValidationError } from '../errors';
import { claimKey, completeKey, findKey, type IdempotencyRow, releaseKey } from '../infra/idempotency.repo';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const WAIT_STEP_MS = 15;
const WAIT_LIMIT_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyRowId: number | null;
  }
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

function replay(reply: FastifyReply, row: IdempotencyRow) {
  return reply
    .status(row.statusCode ?? 200)
    .header('content-type', 'application/json; charset=utf-8')
    .header('idempotent-replayed', 'true')
    .send(row.response ?? '');
}

/**
 * Every signed-in POST honours Idempotency-Key: the first request claims the key, a retry with the same
 * key gets the first answer (waiting for it while the first is still running), and only a success is
 * kept so a failed attempt can be retried.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  const { db, clock } = app.core;
  // Claims this process is still answering; any other unanswered claim was left by a crash.
  const inFlight = new Set<number>();
  app.decorateRequest('idempotencyRowId', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (request.method !== 'POST' || key === undefined || !request.user) return;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new ValidationError([
        { path: 'headers.idempotency-key', message: 'must be 1-255 visible characters' },
      ]);
    }
    const scope = `user:${request.user.id}`;
    const print = fingerprint(request);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
      const claimed = claimKey(db, scope, key, print, clock.now());
      if (claimed !== null) {
        request.idempotencyRowId = claimed;
        inFlight.add(claimed);
        return;
      }
      const existing = findKey(db, scope, key);
      if (existing && !existing.completedAt && !inFlight.has(existing.id)) {
        releaseKey(db, existing.id);
        continue;
      }
      if (existing && existing.fingerprint !== print) {
        throw new ConflictError(
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (existing?.completedAt) return replay(reply, existing);
      if (Date.now() > deadline) {
        throw new AppError(
          409,
          'idempotency_in_progress',
          'The first request with this key is still running',
        );
      }
      await sleep(WAIT_STEP_MS);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const id = request.idempotencyRowId;
    if (id === null) return payload;
    request.idempotencyRowId = null;
    inFlight.delete(id);
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      completeKey(db, id, reply.statusCode, typeof payload === 'string' ? payload : '', clock.now());
    } else {
      releaseKey(db, id);
    }
    return payload;
  });
});
