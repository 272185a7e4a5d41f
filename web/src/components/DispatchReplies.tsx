import { useState } from 'preact/hooks';
import { type ApiError, api, type Dispatch, type Offer, toApiError } from '../api';
import { useI18n } from '../i18n';
import { replySummary } from './DispatchBits';
import { errorText } from './ErrorMessage';
import { formatTime } from './networkTime';

const FEED_SIZE = 8;

interface FeedItem {
  dispatchId: number;
  offer: Offer;
}

/** A text that was neither YES nor NO: a coordinator reads it and counts it for the volunteer. */
function CountButtons({ item, onChanged }: { item: FeedItem; onChanged: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const count = async (answer: 'yes' | 'no') => {
    setBusy(true);
    setError(null);
    try {
      await api.countAnswer(item.dispatchId, item.offer.id, answer);
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const name = item.offer.name;
  return (
    <div class="reply-count">
      <button
        type="button"
        class="btn btn-small btn-primary"
        disabled={busy}
        aria-label={t('feed.countYesFor', { name })}
        onClick={() => void count('yes')}
      >
        {t('feed.countYes')}
      </button>
      <button
        type="button"
        class="btn btn-small btn-quiet"
        disabled={busy}
        aria-label={t('feed.countNoFor', { name })}
        onClick={() => void count('no')}
      >
        {t('feed.countNo')}
      </button>
      {error && (
        <p class="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}

/**
 * The latest answers across the release's dispatches, newest first, with the texts that were not clearly
 * YES or NO, which an operator may count for the volunteer.
 */
export function ReplyFeed({
  dispatches,
  operator,
  onChanged,
}: {
  dispatches: Dispatch[];
  operator: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const replies: FeedItem[] = dispatches
    .flatMap((d) => d.offers.map((offer) => ({ dispatchId: d.id, offer })))
    .filter(
      ({ offer: o }) => o.respondedAt && (o.unclear || o.state === 'accepted' || o.state === 'declined'),
    )
    .sort((a, b) => Date.parse(b.offer.respondedAt ?? '') - Date.parse(a.offer.respondedAt ?? ''))
    .slice(0, FEED_SIZE);
  return (
    <div class="reply-feed">
      <h3 class="subhead" id="reply-feed-title">
        {t('feed.title')}
      </h3>
      {/* A list keeps its list role; the live log around it announces new replies. */}
      <div role="log" aria-labelledby="reply-feed-title">
        <ul class="reply-list" data-testid="reply-feed">
          {replies.length === 0 && <li class="empty">{t('feed.empty')}</li>}
          {replies.map((item) => {
            const o = item.offer;
            return (
              <li
                key={`${o.id}:${o.state}`}
                class={`reply reply-${o.unclear ? 'unclear' : o.state}`}
                data-testid="reply"
                data-unclear={o.unclear ? 'true' : 'false'}
                data-volunteer={o.volunteerId}
              >
                <time dateTime={o.respondedAt ?? undefined} class="reply-when">
                  {o.respondedAt && formatTime(lang, o.respondedAt)}
                </time>{' '}
                <strong>{o.name}</strong>:{' '}
                {o.unclear
                  ? `${t('feed.unclear')}${o.replyText ? ` — “${o.replyText}”` : ''}`
                  : replySummary(t, o)}
                {o.unclear && operator && (
                  <>
                    <p class="hint">{t('feed.unclearHint')}</p>
                    <CountButtons item={item} onChanged={onChanged} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
