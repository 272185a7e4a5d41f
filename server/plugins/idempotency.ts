import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ConflictError, ValidationError } from '../errors';
import { findKey, type IdempotencyClaim, type IdempotencyRow, keepAnswer } from '../infra/idempotency.repo';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const WAIT_STEP_MS = 15;
const WAIT_LIMIT_MS = 10_000;

/** A request's claim on its key; `carriedOut` is set once one of its commands has committed. */
export interface RequestClaim extends IdempotencyClaim {
  carriedOut: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: RequestClaim | null;
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
 *
 * The claim is held in memory (one process serves the database); the commands a request runs mark the
 * key in their own transaction, so a request costs no more flushes to disk with a key than without.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  const { db, clock } = app.core;
  const inFlight = new Set<string>();
  app.decorateRequest('idempotency', null);

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
    const slot = `${scope}\n${key}`;
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (inFlight.has(slot)) {
      if (Date.now() > deadline) {
        throw new AppError(
          409,
          'idempotency_in_progress',
          'The first request with this key is still running',
        );
      }
      await sleep(WAIT_STEP_MS);
    }
    const existing = findKey(db, scope, key);
    if (existing && existing.fingerprint !== print) {
      throw new ConflictError(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request',
      );
    }
    if (existing?.completedAt) return replay(reply, existing);
    if (existing) {
      throw new ConflictError(
        'idempotency_answer_lost',
        'The first request with this key was carried out, but its answer was lost when the server stopped; look for the record instead of sending it again',
      );
    }
    inFlight.add(slot);
    request.idempotency = { scope, key, fingerprint: print, carriedOut: false };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    inFlight.delete(`${claim.scope}\n${claim.key}`);
    // A refused attempt changed nothing: keep no answer, so a corrected retry runs. Once a command has
    // committed, the answer is kept whatever it is, so the request is never carried out twice.
    const ok = reply.statusCode >= 200 && reply.statusCode < 300;
    if (ok || claim.carriedOut) {
      const { scope, key, fingerprint } = claim;
      const body = typeof payload === 'string' ? payload : '';
      keepAnswer(db, { scope, key, fingerprint }, reply.statusCode, body, clock.now());
    }
    return payload;
  });
});
