import { useEffect, useState } from 'preact/hooks';
import {
  ApiError,
  api,
  type Dispatch,
  type DispatchCandidate,
  type DispatchOffer,
  type ReleaseDetail,
  type VolunteerSkill,
  volunteerSkills,
} from '../api';
import { useSubmission } from '../hooks';
import { useI18n } from '../i18n';
import { ChipCheck } from './ChipCheck';
import {
  DispatchStatusChip,
  OfferStateChip,
  reasonText,
  replySummary,
  useReleaseDispatches,
} from './DispatchBits';
import { ErrorMessage, errorText } from './ErrorMessage';
import { formatTime } from './networkTime';
import { releaseLanguageName } from './ReleaseBits';
import { Stepper } from './Stepper';

const MAX_NEEDED = 50;
const FEED_SIZE = 8;
/** Offered besides the release's own languages: the ones most volunteers here list. */
const extraLanguages = ['es', 'en'];

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function SendForm({ release, onSent }: { release: ReleaseDetail; onSent: () => void }) {
  const { t, lang } = useI18n();
  const [needed, setNeeded] = useState(1);
  const [languages, setLanguages] = useState<string[]>(release.languages);
  const [skills, setSkills] = useState<VolunteerSkill[]>([]);
  const [asked, setAsked] = useState<number | null>(null);
  const submission = useSubmission<Dispatch>();
  const options = [
    ...release.languages,
    ...extraLanguages.filter((l) => !release.languages.some((r) => sameLanguage(r, l))),
  ];

  const submit = async (e: Event) => {
    e.preventDefault();
    setAsked(null);
    const created = await submission.run((key) =>
      api.createDispatch(release.id, { needed, languages, skills }, key),
    );
    if (!created) return;
    setAsked(created.offers.length);
    setNeeded(1);
    onSent();
  };

  return (
    <form
      class="form dispatch-form"
      onSubmit={submit}
      data-testid="dispatch-form"
      aria-labelledby="send-title"
    >
      <h3 id="send-title" class="subhead">
        {t('dispatch.send')}
      </h3>
      <Stepper
        id="dispatch-needed"
        label={t('dispatch.needed')}
        value={needed}
        min={1}
        max={MAX_NEEDED}
        decreaseLabel={t('dispatch.fewer')}
        increaseLabel={t('dispatch.more')}
        onChange={setNeeded}
      />
      <fieldset class="field">
        <legend>{t('dispatch.languages')}</legend>
        <div class="chip-checks">
          {options.map((l) => (
            <ChipCheck
              key={l}
              label={releaseLanguageName(lang, l)}
              lang={/^[a-z]{2,3}$/.test(l) ? l : undefined}
              checked={languages.some((x) => sameLanguage(x, l))}
              onChange={(on) =>
                setLanguages((ls) => (on ? [...ls, l] : ls.filter((x) => !sameLanguage(x, l))))
              }
            />
          ))}
        </div>
        <p class="hint">{t('dispatch.languagesHint')}</p>
      </fieldset>
      <fieldset class="field">
        <legend>{t('dispatch.skills')}</legend>
        <div class="chip-checks">
          {volunteerSkills.map((s) => (
            <ChipCheck
              key={s}
              label={t(`skill.${s}`)}
              checked={skills.includes(s)}
              onChange={(on) => setSkills((ks) => (on ? [...ks, s] : ks.filter((k) => k !== s)))}
            />
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={submission.error} />
      {asked !== null && (
        <p class="alert alert-ok" role="status" data-testid="dispatch-sent">
          {asked === 0
            ? t('dispatch.askedNobody')
            : t(asked === 1 ? 'dispatch.asked.one' : 'dispatch.asked.other', { n: asked })}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={submission.busy}>
        {submission.busy
          ? t('dispatch.sending')
          : t(needed === 1 ? 'dispatch.submit.one' : 'dispatch.submit.other', { n: needed })}
      </button>
    </form>
  );
}

function OfferItem({ offer }: { offer: DispatchOffer }) {
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
      setCancelError(err instanceof ApiError ? err : new ApiError(0, 'generic', String(err)));
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

/** Loaded only when opened, and again whenever the dispatch itself moves on. */
function Candidates({ dispatch }: { dispatch: Dispatch }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<DispatchCandidate[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const version = `${dispatch.status}:${dispatch.wave}:${dispatch.needed}:${dispatch.offers.map((o) => o.state).join()}`;

  useEffect(() => {
    if (!open) return;
    let alive = true;
    api.dispatchCandidates(dispatch.id).then(
      (res) => {
        if (!alive) return;
        setItems(res.items);
        setError(null);
      },
      (err: unknown) => {
        if (alive) setError(err instanceof ApiError ? err : new ApiError(0, 'generic', String(err)));
      },
    );
    return () => {
      alive = false;
    };
  }, [open, dispatch.id, version]);

  const eligible = items?.filter((c) => c.eligible) ?? [];
  const excluded = items?.filter((c) => !c.eligible) ?? [];

  return (
    <details
      class="candidates"
      data-testid="candidates"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="candidates-summary">{t('dispatch.why')}</summary>
      <ErrorMessage error={error} />
      {open && !items && !error && <p class="loading">{t('app.loading')}</p>}
      {items && items.length === 0 && <p class="empty">{t('dispatch.noCandidates')}</p>}
      {eligible.length > 0 && (
        <>
          <h4 class="candidates-head">{t('dispatch.eligible')}</h4>
          <ol class="candidate-list">
            {eligible.map((c) => (
              <li key={c.volunteerId} class="candidate" data-testid="candidate" data-eligible="true">
                <span class="candidate-rank">{t('dispatch.rank', { n: c.rank ?? '—' })}</span>{' '}
                <span class="candidate-name">{c.name}</span>
                <span class="candidate-why">{reasonText(t, lang, c.why)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {excluded.length > 0 && (
        <>
          <h4 class="candidates-head">{t('dispatch.excluded')}</h4>
          <ul class="candidate-list">
            {excluded.map((c) => (
              <li key={c.volunteerId} class="candidate" data-testid="candidate" data-eligible="false">
                <span class="candidate-name">{c.name}</span>
                <span class="candidate-why">
                  {c.excludedBecause.map((x) => t(`exclusion.${x}`)).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

function DispatchCard({
  dispatch: d,
  operator,
  onChanged,
}: {
  dispatch: Dispatch;
  operator: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const wants = [
    ...d.languages.map((l) => releaseLanguageName(lang, l)),
    ...d.skills.map((s) => t(`skill.${s}`)),
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
      {operator && d.status !== 'cancelled' && <DispatchActions dispatch={d} onChanged={onChanged} />}
      {operator && <Candidates dispatch={d} />}
    </li>
  );
}

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
  const items = [...(dispatches.items ?? [])].sort((a, b) => b.id - a.id);
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
      {!dispatches.items && !dispatches.error && <p class="loading">{t('app.loading')}</p>}
      {dispatches.items && dispatches.items.length === 0 && <p class="empty">{t('dispatch.none')}</p>}
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
