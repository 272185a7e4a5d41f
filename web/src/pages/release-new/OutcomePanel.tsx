import { ApiError } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n';
import { type QueuedRelease, sentStore, useMyQueue } from '../../offline/queue';
import { linkClick } from '../../router';
import { useStore } from '../../store';

export type Outcome =
  | { kind: 'sent'; id: number; code: string; dispatched?: boolean; dispatchError?: ApiError | null }
  | { kind: 'queued'; localId: string; persisted: boolean };

export function OutcomePanel({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  const { t } = useI18n();
  const sent = useStore(sentStore);
  const queue = useMyQueue();
  let code: string | null = null;
  let id: number | null = null;
  let failed: QueuedRelease | undefined;
  if (outcome.kind === 'sent') {
    ({ code, id } = outcome);
  } else {
    const done = sent.find((s) => s.localId === outcome.localId);
    if (done) ({ code, id } = done);
    failed = queue.find((q) => q.localId === outcome.localId && q.state === 'failed');
  }
  const state = code ? 'sent' : failed ? 'failed' : 'queued';
  return (
    <section
      class={`card intake-result intake-${state}`}
      data-testid="intake-result"
      data-state={state}
      aria-live="polite"
    >
      {code && id !== null ? (
        <>
          <p class="intake-result-title">{t('intake.sentTitle')}</p>
          <p class="big-code" data-testid="release-code">
            {code}
          </p>
          <p class="hint">{t('intake.sentHint')}</p>
          {outcome.kind === 'sent' && outcome.dispatched && (
            <p class="alert alert-ok" data-testid="intake-dispatched">
              {t('intake.dispatched')}
            </p>
          )}
          {outcome.kind === 'sent' && outcome.dispatchError && (
            <p class="alert alert-error" role="alert">
              {t('intake.dispatchFailed', { reason: errorText(t, outcome.dispatchError) })}
            </p>
          )}
          <div class="form-actions">
            <a class="btn" href={`/releases/${id}`} onClick={linkClick}>
              {t('intake.open')}
            </a>
          </div>
        </>
      ) : failed?.error ? (
        <>
          <p class="intake-result-title">{t('intake.failedTitle')}</p>
          <p class="alert alert-error" role="alert">
            {errorText(t, new ApiError(failed.error.status, failed.error.code, failed.error.message))}
          </p>
        </>
      ) : (
        <>
          <p class="intake-result-title" data-testid="queued-notice">
            {t('intake.queuedTitle')}
          </p>
          <p>{t('intake.queuedBody')}</p>
          {outcome.kind === 'queued' && !outcome.persisted && (
            <p class="alert alert-error">{t('intake.notPersisted')}</p>
          )}
        </>
      )}
      <button type="button" class="btn btn-primary btn-big" onClick={onAnother}>
        {t('intake.another')}
      </button>
    </section>
  );
}
