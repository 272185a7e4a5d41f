import type { Health } from '@server/modules/health/health.schemas';
import { ApiError } from './http';

/** What the dashboard shows of /healthz: a part missing from the answer shows as unknown. */
export type HealthReport = Pick<Health, 'ok'> & Partial<Omit<Health, 'ok'>>;

/** /healthz may answer 503 with the same body; both answers are worth showing. */
async function fetchHealth(): Promise<HealthReport> {
  let res: Response;
  try {
    res = await fetch('/healthz', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const body = (await res.json().catch(() => null)) as Partial<Health> | null;
  if (!body || typeof body !== 'object') throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  return { ok: body.ok === true, db: body.db, sms: body.sms, smsDriver: body.smsDriver };
}

export const healthApi = { health: fetchHealth };
