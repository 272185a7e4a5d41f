import type { HostRequestState } from '@shared/housing';
import { useState } from 'preact/hooks';
import { type ApiError, api, type HostRequest, toApiError } from '../api';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { ErrorMessage } from './ErrorMessage';
import { formatDay, formatTime } from './networkTime';

const tones: Record<HostRequestState, string> = {
  asked: 'progress',
  accepted: 'ok',
  declined: 'warn',
  expired: 'wait',
  cancelled: 'wait',
};

/** A release's requests to volunteer hosts, following each answer (or its absence) live. */
export function useHostRequests(releaseId: number) {
  return useLiveResource(() => api.releaseHostRequests(releaseId), ['host_request.'], {
    when: (e) => (e.data as { releaseId?: unknown } | null)?.releaseId === releaseId,
  });
}

export function HostRequests({
  requests,
  siteNames,
  operator,
  onChanged,
}: {
  requests: HostRequest[];
  siteNames: ReadonlyMap<number, string>;
  operator: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  if (requests.length === 0) return null;
  const withdraw = async (id: number) => {
    setError(null);
    try {
      await api.cancelHostRequest(id);
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <div class="host-requests">
      <h3 class="subhead">{t('housing.hostRequests')}</h3>
      <ErrorMessage error={error} />
      <ul class="stay-list" data-testid="host-requests">
        {requests.map((r) => (
          <li
            key={r.id}
            class="stay"
            data-testid="host-request"
            data-state={r.state}
            data-code={r.code}
            data-site={r.housingSiteId}
          >
            <p class="stay-head">
              <strong>{siteNames.get(r.housingSiteId) ?? `#${r.housingSiteId}`}</strong>{' '}
              <span class={`chip chip-${tones[r.state]}`} data-testid="host-request-state">
                {t(`hostRequestState.${r.state}`)}
              </span>
            </p>
            <p class="stay-when">
              {t(r.people === 1 ? 'housing.stayPeople.one' : 'housing.stayPeople.other', { n: r.people })} ·{' '}
              {formatDay(lang, r.checkIn)} ·{' '}
              {t(r.nights === 1 ? 'housing.nightsCount.one' : 'housing.nightsCount.other', { n: r.nights })}
            </p>
            {r.state === 'asked' && (
              <p class="hint">
                {t('housing.hostWaiting', { code: r.code, time: formatTime(lang, r.expiresAt) })}
              </p>
            )}
            {operator && r.state === 'asked' && (
              <button type="button" class="btn btn-small" onClick={() => void withdraw(r.id)}>
                {t('housing.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
