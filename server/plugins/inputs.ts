import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { BIDI_CONTROLS, hasControlChars, ID_PATTERN, MAX_YEAR, MIN_YEAR } from '../../shared/inputs';
import { type ErrorDetail, ValidationError } from '../errors';

/** A whole value that is a date or a date-time, with its year (any number of digits). */
const DATE_LIKE = /^[+-]?(\d{4,})-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
/** Path and query values that name a record or a page by id. */
const ID_KEY = /^(id|before)$|Id$/;
const MAX_DEPTH = 20;

function checkText(value: string, path: string, out: ErrorDetail[]): void {
  if (hasControlChars(value)) out.push({ path, message: 'must not contain control characters' });
  else if (BIDI_CONTROLS.test(value))
    out.push({ path, message: 'must not contain bidirectional control characters' });
  const date = DATE_LIKE.exec(value.trim());
  if (date) {
    const year = Number(date[1]);
    if (year < MIN_YEAR || year > MAX_YEAR || value.trim().startsWith('-') || value.trim().startsWith('+'))
      out.push({ path, message: `must be a date between the years ${MIN_YEAR} and ${MAX_YEAR}` });
  }
}

function walk(value: unknown, path: string, out: ErrorDetail[], depth = 0): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') checkText(value, path, out);
  else if (depth > MAX_DEPTH) out.push({ path, message: 'is nested too deeply' });
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${path}.${i}`, out, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, out, depth + 1);
  }
}

/**
 * One set of rules for every route, before its own contract: ids in paths and queries strictly
 * decimal, no control or bidirectional characters in any text, and dates within sane years. Webhook
 * bodies (form-encoded, from Twilio) are someone's text message and are taken as they come.
 */
export const inputsPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const out: ErrorDetail[] = [];
    for (const [where, values] of [
      ['params', request.params],
      ['querystring', request.query],
    ] as const) {
      for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        if (ID_KEY.test(key) && !ID_PATTERN.test(value)) {
          out.push({ path: `${where}.${key}`, message: 'must be a positive whole number such as 42' });
        } else checkText(value, `${where}.${key}`, out);
      }
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json') walk(request.body, 'body', out);
    if (out.length > 0) throw new ValidationError(out);
  });
});
