import { useState } from 'preact/hooks';
import { type ApiError, api, type Dispatch, type Offer, toApiError } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { DispatchStatusChip, MAX_NEEDED, OfferStateChip, reasonText, skillName } from './DispatchBits';
import { Candidates } from './DispatchCandidates';
import { errorText } from './ErrorMessage';
import { formatTime } from './networkTime';
import { releaseLanguageName } from './ReleaseBits';

function OfferItem({ offer }: { offer: Offer }) {
  const { t, lang } = useI18n();
  return (
    <li
      class={`offer offer-${offer.state}`}
      data-testid="offer"
      data-volunteer={offer.volunteerId}
      data-code={offer.code}
      data-state={offer.state}
    >
      <div class="offer-head">
        <span class="offer-name">{offer.name}</span>
        <OfferStateChip state={offer.state} />
        {offer.etaMinutes !== null && (
          <span class="offer-eta" data-testid="offer-eta">
            {t('dispatch.eta', { n: offer.etaMinutes })}
          </span>
        )}
      </div>
      {offer.replyText && (
        <q class="offer-note" data-testid="offer-note">
          {offer.replyText}
        </q>
      )}
      <p class="offer-meta">
        {offer.respondedAt ? (
          <time dateTime={offer.respondedAt}>
            {t('dispatch.answeredAt', { time: formatTime(lang, offer.respondedAt) })}
          </time>
        ) : (
          <time dateTime={offer.offeredAt}>
            {t('dispatch.offeredAt', { time: formatTime(lang, offer.offeredAt) })}
          </time>
        )}
        {' · '}
        {t('dispatch.code', { code: offer.code })}
      </p>
      {offer.reason && <p class="offer-reason">{reasonText(t, lang, offer.reason)}</p>}
    </li>
  );
}

function DispatchActions({ dispatch, onChanged }: { dispatch: Dispatch; onChanged: () => void }) {
  const { t } = useI18n();
  const [more, setMore] = useState(1);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const adding = useSubmission<Dispatch>();
  const inputId = `dispatch-${dispatch.id}-more`;

  const cancel = async () => {
    if (!window.confirm(t('dispatch.confirmCancel'))) return;
    setCancelling(true);
    setCancelError(null);
    try {
      await api.cancelDispatch(dispatch.id);
      onChanged();
    } catch (err) {
      setCancelError(toApiError(err));
    } finally {
      setCancelling(false);
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    if (await adding.run((key) => api.addToDispatch(dispatch.id, more, key))) {
      setMore(1);
      onChanged();
    }
  };

  return (
    <div class="dispatch-actions">
      <form class="dispatch-more" onSubmit={add}>
        <label for={inputId}>{t('dispatch.moreCount')}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_NEEDED}
          value={more}
          onInput={(e) => {
            const n = Math.trunc(Number(e.currentTarget.value));
            if (Number.isFinite(n) && n >= 1) setMore(Math.min(MAX_NEEDED, n));
          }}
        />
        <button type="submit" class="btn btn-small" disabled={adding.busy}>
          {t('dispatch.addMore', { n: more })}
        </button>
      </form>
      <button
        type="button"
        class="btn btn-small btn-danger"
        disabled={cancelling}
        onClick={() => void cancel()}
      >
        {t('dispatch.cancel')}
      </button>
      {(adding.error ?? cancelError) && (
        <p class="field-error" role="alert">
          {errorText(t, (adding.error ?? cancelError) as ApiError)}
        </p>
      )}
    </div>
  );
}

export function DispatchCard({
  dispatch: d,
  operator,
  releaseOpen = true,
  onChanged,
}: {
  dispatch: Dispatch;
  operator: boolean;
  /** A closed or cancelled release sends no one: its dispatches can no longer ask for more. */
  releaseOpen?: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const wants = [
    ...d.languages.map((l) => releaseLanguageName(lang, l)),
    ...d.skills.map((s) => skillName(t, s)),
  ];
  return (
    <li class={`dispatch dispatch-${d.status}`} data-testid="dispatch" data-id={d.id} data-status={d.status}>
      <div class="dispatch-head">
        <DispatchStatusChip status={d.status} />
        <strong class="dispatch-count" data-testid="dispatch-count">
          {t('dispatch.acceptedOf', { accepted: d.accepted, needed: d.needed })}
        </strong>
      </div>
      {d.status === 'escalated' && (
        <p class="dispatch-alarm" role="alert">
          {t('dispatch.escalatedAlarm')}
        </p>
      )}
      <p class="dispatch-meta">
        {t('dispatch.wave', { n: d.wave })}
        {' · '}
        <time dateTime={d.deadlineAt}>
          {t('dispatch.deadline', { time: formatTime(lang, d.deadlineAt) })}
        </time>
        {wants.length > 0 && (
          <>
            {' · '}
            {t('dispatch.wants', { list: wants.join(', ') })}
          </>
        )}
      </p>
      {d.offers.length === 0 ? (
        <p class="empty">{t('dispatch.noOffers')}</p>
      ) : (
        <ul class="offer-list" aria-label={t('dispatch.offers')}>
          {d.offers.map((o) => (
            <OfferItem key={o.code} offer={o} />
          ))}
        </ul>
      )}
      {operator && releaseOpen && d.status !== 'cancelled' && (
        <DispatchActions dispatch={d} onChanged={onChanged} />
      )}
      {operator && <Candidates dispatch={d} />}
    </li>
  );
}
