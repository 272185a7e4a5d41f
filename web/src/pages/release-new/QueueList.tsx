import { ApiError } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n';
import { discardQueued, flushQueue, type QueuedRelease, sendingStore, useMyQueue } from '../../offline/queue';
import { useStore } from '../../store';

export function QueueList() {
  const { t, date } = useI18n();
  const items = useMyQueue();
  const sending = useStore(sendingStore);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.state === 'waiting').length;
  const discard = (item: QueuedRelease) => {
    if (window.confirm(t('queue.confirmDiscard'))) discardQueued(item.localId);
  };
  return (
    <section class="card queue" aria-labelledby="queue-title" data-testid="queue-list">
      <h2 id="queue-title">{t('queue.title')}</h2>
      {waiting > 0 && <p class="hint">{t('queue.intro')}</p>}
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.localId} class="queue-item" data-state={item.state}>
            <span class="queue-what">
              <strong>{item.siteName}</strong> ·{' '}
              {t(item.body.adults + item.body.children === 1 ? 'count.people.one' : 'count.people.other', {
                n: item.body.adults + item.body.children,
              })}
            </span>
            <span class="sub">
              {t('queue.queuedAt', { time: date(item.queuedAt) })}
              {item.state === 'failed' && item.error && (
                <span class="field-error">
                  {errorText(t, new ApiError(item.error.status, item.error.code, item.error.message))}
                </span>
              )}
            </span>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => discard(item)}>
              {t('queue.discard')}
            </button>
          </li>
        ))}
      </ul>
      {waiting > 0 && (
        <button type="button" class="btn" disabled={sending} onClick={() => void flushQueue()}>
          {sending ? t('queue.sending') : t('queue.sendNow')}
        </button>
      )}
    </section>
  );
}
