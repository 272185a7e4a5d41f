import type { Dispatch, ReleaseDetail } from '../api';
import { useI18n } from '../i18n';
import { replySummary, useReleaseDispatches } from './DispatchBits';
import { DispatchCard } from './DispatchCard';
import { SendForm } from './DispatchSendForm';
import { ErrorMessage } from './ErrorMessage';
import { formatTime } from './networkTime';

const FEED_SIZE = 8;

/** The latest answers across the release's dispatches, newest first. */
function ReplyFeed({ dispatches }: { dispatches: Dispatch[] }) {
  const { t, lang } = useI18n();
  const replies = dispatches
    .flatMap((d) => d.offers)
    .filter((o) => o.respondedAt && (o.state === 'accepted' || o.state === 'declined'))
    .sort((a, b) => Date.parse(b.respondedAt ?? '') - Date.parse(a.respondedAt ?? ''))
    .slice(0, FEED_SIZE);
  return (
    <div class="reply-feed">
      <h3 class="subhead" id="reply-feed-title">
        {t('feed.title')}
      </h3>
      <ul class="reply-list" role="log" aria-labelledby="reply-feed-title" data-testid="reply-feed">
        {replies.length === 0 && <li class="empty">{t('feed.empty')}</li>}
        {replies.map((o) => (
          <li key={`${o.code}:${o.state}`} class={`reply reply-${o.state}`} data-testid="reply">
            <time dateTime={o.respondedAt ?? undefined} class="reply-when">
              {o.respondedAt && formatTime(lang, o.respondedAt)}
            </time>{' '}
            <strong>{o.name}</strong>: {replySummary(t, o)}
          </li>
        ))}
      </ul>
    </div>
  );
}

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
          <ReplyFeed dispatches={items} />
          <ul class="dispatch-list" data-testid="dispatch-list">
            {items.map((d) => (
              <DispatchCard key={d.id} dispatch={d} operator={operator} onChanged={dispatches.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
