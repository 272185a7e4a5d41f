import type { ReleaseDetail } from '../api';
import { useI18n } from '../i18n';
import { useReleaseDispatches } from './DispatchBits';
import { DispatchCard } from './DispatchCard';
import { ReplyFeed } from './DispatchReplies';
import { SendForm } from './DispatchSendForm';
import { ErrorMessage } from './ErrorMessage';

export function DispatchPanel({ release, operator }: { release: ReleaseDetail; operator: boolean }) {
  const { t } = useI18n();
  const dispatches = useReleaseDispatches(release.id);
  const finished = release.status === 'closed' || release.status === 'cancelled';
  const items = [...(dispatches.data?.items ?? [])].sort((a, b) => b.id - a.id);
  return (
    <section class="card dispatch-panel" aria-labelledby="dispatch-title" data-testid="dispatch-panel">
      <h2 id="dispatch-title" class="dispatch-title">
        {t('dispatch.title')}
      </h2>
      {operator &&
        (finished ? (
          <p class="hint">{t('error.release_closed')}</p>
        ) : (
          <SendForm release={release} onSent={dispatches.reload} />
        ))}
      <ErrorMessage error={dispatches.error} />
      {!dispatches.data && !dispatches.error && <p class="loading">{t('app.loading')}</p>}
      {dispatches.data && dispatches.data.items.length === 0 && <p class="empty">{t('dispatch.none')}</p>}
      {items.length > 0 && (
        <>
          <ReplyFeed dispatches={items} operator={operator} onChanged={dispatches.reload} />
          <ul class="dispatch-list" data-testid="dispatch-list">
            {items.map((d) => (
              <DispatchCard
                key={d.id}
                dispatch={d}
                operator={operator}
                releaseOpen={!finished}
                onChanged={dispatches.reload}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
