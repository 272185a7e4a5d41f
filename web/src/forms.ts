import { useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey, toApiError } from './api';

/** Where a server path says a request was wrong; a conflict names its field bare (`phone`). */
const contexts = new Set(['body', 'querystring', 'params', 'headers']);

/** `body.languages.2` is the languages field; a bare `body` is the whole body. */
function fieldOf(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  if (parts.length > 1 && contexts.has(parts[0] ?? '')) parts.shift();
  return parts[0] ?? '';
}

/** Which form field a conflict code belongs to, so the field is marked where the form says why. */
const conflictFields: Record<string, string> = {
  duplicate_email: 'email',
  duplicate_phone: 'phone',
  duplicate_sms_keyword: 'smsKeyword',
  invalid_setup_token: 'token',
};

export interface FieldErrorOptions {
  /** Server fields shown at another form field: a shift's `startsAt` is the form's "start". */
  fields?: Record<string, string>;
  /** The reader's words for a field's problem, in place of the server's English. */
  words?: Record<string, string>;
}

/**
 * The server's validation details (`{ path, message }`) keyed by form field, first problem first. A field
 * given `''` is marked invalid while the message above the form explains why.
 */
export function fieldErrors(error: ApiError | null, options: FieldErrorOptions = {}): Record<string, string> {
  const { fields = {}, words = {} } = options;
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const d of error.details) {
    const name = fieldOf(d.path);
    const field = fields[name] ?? name;
    if (!field || field in out) continue;
    out[field] = words[field] ?? d.message;
  }
  const conflict = conflictFields[error.code];
  if (conflict) out[conflict] = words[conflict] ?? '';
  return out;
}

/** Above the form: when each problem is shown at its field, just point there. */
export function formError(error: ApiError | null, errors: Record<string, string>): ApiError | null {
  if (!error || Object.keys(errors).length === 0) return error;
  return new ApiError(error.status, 'validation', error.message);
}

export interface Submission<T> {
  busy: boolean;
  error: ApiError | null;
  fieldErrors: Record<string, string>;
  run: (action: (idempotencyKey: string) => Promise<T>) => Promise<T | null>;
  reset: () => void;
}

export function useSubmission<T>(): Submission<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Kept across a network failure so a resend of a request that did land creates nothing twice.
  const key = useRef(newIdempotencyKey());
  const run = async (action: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action(key.current);
      key.current = newIdempotencyKey();
      return result;
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.code !== 'network') key.current = newIdempotencyKey();
      setError(apiErr);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fieldErrors: fieldErrors(error), run, reset: () => setError(null) };
}
