import { noteRisks } from '@shared/notes';
import { MAX_STATUS_NOTE, type ReleaseNeed, releaseNeeds } from '@shared/releases';
import { useState } from 'preact/hooks';
import { isOperator } from '../access';
import {
  type ApiError,
  type AuthUser,
  api,
  type ReleaseDetail,
  type TimelineEntry,
  toApiError,
} from '../api';
import { DispatchPanel } from '../components/DispatchPanel';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { HousingPanel } from '../components/HousingPanel';
import { KitsPanel } from '../components/KitsPanel';
import { NoteRisks } from '../components/NoteRisks';
import { formatDay, formatDayTime } from '../components/networkTime';
import { Page } from '../components/Page';
import { PagePanel } from '../components/PagePanel';
import {
  AcknowledgeBanner,
  formatMinutes,
  Headcount,
  LanguageChips,
  MoveButtons,
  ReleaseAge,
  StatusChip,
} from '../components/ReleaseBits';
import { TravelPanel } from '../components/TravelPanel';
import { hasKey, type MessageKey, type Translate, useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { linkClick } from '../router';
import { ReleaseEdit } from './release-new/ReleaseEdit';

function needList(t: Translate, note: string | null): string {
  if (!note) return t('timeline.noNeeds');
  return note
    .split(',')
    .map((n) => n.trim())
    .map((n) => {
      const key = `need.${n}`;
      return hasKey(key) ? t(key) : n;
    })
    .join(', ');
}

function describe(t: Translate, e: TimelineEntry): string {
  switch (e.kind) {
    case 'created':
      return t('timeline.created', { status: e.toStatus ? t(`releaseStatus.${e.toStatus}`) : '' });
    case 'status':
      return t('timeline.status', {
        from: e.fromStatus ? t(`releaseStatus.${e.fromStatus}`) : '—',
        to: e.toStatus ? t(`releaseStatus.${e.toStatus}`) : '—',
      });
    case 'needs':
      return t('timeline.needs', { needs: needList(t, e.note) });
    case 'acknowledged':
      return t('timeline.acknowledged');
    case 'purged':
      return t('timeline.purged');
    case 'edited':
      return t('timeline.edited', {
        fields: (e.note ?? '')
          .split(', ')
          .map((f) => (hasKey(`editedField.${f}`) ? t(`editedField.${f}` as MessageKey) : f))
          .join(', '),
      });
  }
}

/** The server names who acted as `user:7`, `sms:…1234` or a job's name; say it in words where we can. */
function actorName(t: Translate, me: AuthUser, e: TimelineEntry): string {
  const { actor } = e;
  if (e.actorErased) return t('timeline.erased');
  if (actor === `user:${me.id}`) return me.name;
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return t('timeline.user', { id: user[1] ?? '' });
  if (actor.startsWith('sms:')) return t('timeline.sms', { from: actor.slice(4) });
  if (actor === 'system' || actor === 'retention') return t('audit.system');
  return actor;
}

function Timeline({ entries, me }: { entries: TimelineEntry[]; me: AuthUser }) {
  const { t, lang } = useI18n();
  return (
    <ol class="timeline" data-testid="timeline">
      {[...entries].reverse().map((e) => (
        <li key={e.id} class={`timeline-entry timeline-${e.kind}`} data-kind={e.kind}>
          <time dateTime={e.at} class="timeline-when">
            {formatDayTime(lang, e.at)}
          </time>
          <span class="timeline-what">{describe(t, e)}</span>
          <span class="timeline-who">{actorName(t, me, e)}</span>
          {e.note && e.kind === 'status' && <q class="timeline-note">{e.note}</q>}
        </li>
      ))}
    </ol>
  );
}

function NeedsEditor({ release, onSaved }: { release: ReleaseDetail; onSaved: (r: ReleaseDetail) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async (need: ReleaseNeed, met: boolean) => {
    const next = releaseNeeds.filter((n) => (n === need ? met : release.needsMet.includes(n)));
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.setNeedsMet(release.id, next));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset class="field needs-editor" disabled={busy}>
      <legend>{t('release.tickNeeds')}</legend>
      <div class="check-grid">
        {release.needs.map((n) => (
          <label key={n} class="check">
            <input
              type="checkbox"
              checked={release.needsMet.includes(n)}
              onChange={(e) => void toggle(n, e.currentTarget.checked)}
            />
            <span class={release.needsMet.includes(n) ? 'need-met' : undefined}>{t(`need.${n}`)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </fieldset>
  );
}

function NeedsReadOnly({ release }: { release: ReleaseDetail }) {
  const { t } = useI18n();
  return (
    <ul class="need-chips">
      {release.needs.map((n) => {
        const met = release.needsMet.includes(n);
        return (
          <li key={n} class={`chip ${met ? 'chip-ok' : 'chip-warn'}`}>
            {met ? `✓ ${t(`need.${n}`)}` : t(`need.${n}`)}
          </li>
        );
      })}
    </ul>
  );
}

function StatusMover({ release, onMoved }: { release: ReleaseDetail; onMoved: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [warnedNote, setWarnedNote] = useState<string | null>(null);
  const risks = warnedNote === note ? noteRisks(note) : [];
  // As on the intake form: a note that looks like it names someone is shown back once with the
  // reasons, and pressing the move again keeps it as written.
  const holdMove = () => {
    if (noteRisks(note).length === 0 || warnedNote === note) return false;
    setWarnedNote(note);
    return true;
  };
  return (
    <div class="status-mover">
      <div class="field">
        <label for="move-note">
          {t('release.moveNote')} {t('field.optional')}
        </label>
        <textarea
          id="move-note"
          rows={2}
          maxLength={MAX_STATUS_NOTE}
          aria-describedby={risks.length ? 'move-note-warning move-note-risks' : 'move-note-warning'}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <p class="hint" id="move-note-warning">
          {t('intake.notesWarning')}
        </p>
        <NoteRisks risks={risks} id="move-note-risks" />
      </div>
      <MoveButtons
        release={release}
        note={note}
        holdMove={holdMove}
        onMoved={() => {
          setNote('');
          setWarnedNote(null);
          onMoved();
        }}
      />
    </div>
  );
}

export function ReleasePage({ user, id }: { user: AuthUser; id: number }) {
  const { t, lang } = useI18n();
  const detail = useLiveResource(() => api.release(id), ['release.']);
  const operator = isOperator(user.role);
  const r = detail.data;
  const minutesToMet =
    r?.metAt && r.reportedAt ? (Date.parse(r.metAt) - Date.parse(r.reportedAt)) / 60_000 : null;

  const facts: [string, string | null][] = r
    ? [
        [t('release.site'), r.siteName],
        [t('release.expected'), r.expectedAt && formatDayTime(lang, r.expectedAt)],
        [t('release.releasedAt'), r.releasedAt && formatDayTime(lang, r.releasedAt)],
        [t('release.reportedAt'), r.reportedAt && formatDayTime(lang, r.reportedAt)],
        [
          t('release.metAt'),
          r.metAt &&
            `${formatDayTime(lang, r.metAt)}${minutesToMet !== null ? ` (${t('release.after', { time: formatMinutes(t, minutesToMet) })})` : ''}`,
        ],
        [t('release.closedAt'), r.closedAt && formatDayTime(lang, r.closedAt)],
        [t('release.destination'), r.destination],
        [t('release.travelDate'), r.travelDate && formatDay(lang, r.travelDate)],
        [t('release.source'), t(r.source === 'sms' ? 'release.bySms' : 'release.byWeb')],
      ]
    : [];

  return (
    <Page title={r ? r.code : t('release.title')}>
      <p class="back">
        <a href="/releases" onClick={linkClick}>
          {t('release.back')}
        </a>
      </p>
      {detail.error?.status === 404 ? (
        <p class="alert">{t('release.notFound')}</p>
      ) : (
        <ErrorMessage error={detail.error} />
      )}
      {!r && !detail.error && <p class="loading">{t('app.loading')}</p>}
      {r && (
        <div class="columns" data-testid="release-detail" data-status={r.status}>
          <div>
            {!r.acknowledged && (
              <AcknowledgeBanner release={r} canAcknowledge={operator} onAcknowledged={detail.reload} />
            )}
            <section class="card">
              <div class="release-head">
                <StatusChip status={r.status} />
                <ReleaseAge release={r} />
              </div>
              <Headcount adults={r.adults} children={r.children} />
              <LanguageChips languages={r.languages} />
              <dl class="facts release-facts">
                {facts
                  .filter((f): f is [string, string] => Boolean(f[1]))
                  .map(([label, value]) => (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
              {r.purged ? (
                <p class="hint">{t('release.purged')}</p>
              ) : (
                r.notes && (
                  <div class="release-notes">
                    <h3 class="subhead">{t('release.notes')}</h3>
                    <p class="sms-body">{r.notes}</p>
                  </div>
                )
              )}
            </section>
            <PagePanel release={r} user={user} />
            <section class="card" aria-labelledby="needs-title">
              <h2 id="needs-title">{t('release.needs')}</h2>
              {r.needs.length === 0 ? (
                <p class="empty">{t('release.noNeeds')}</p>
              ) : operator ? (
                <NeedsEditor release={r} onSaved={detail.reload} />
              ) : (
                <NeedsReadOnly release={r} />
              )}
              <p>
                <a href={`/releases/${r.id}/resources`} onClick={linkClick} data-testid="release-sheets-link">
                  {t('release.sheetsLink')}
                </a>
              </p>
            </section>
            {operator && (
              <section class="card" aria-labelledby="status-title">
                <h2 id="status-title">{t('release.status')}</h2>
                {r.status === 'closed' || r.status === 'cancelled' ? (
                  <p class="empty">{t('release.finished')}</p>
                ) : (
                  <StatusMover release={r} onMoved={detail.reload} />
                )}
              </section>
            )}
            {operator && r.status !== 'closed' && r.status !== 'cancelled' && !r.purged && (
              <ReleaseEdit release={r} onSaved={detail.reload} />
            )}
          </div>
          <div>
            <DispatchPanel release={r} operator={operator} />
            <HousingPanel release={r} operator={operator} />
            <KitsPanel release={r} operator={operator} />
            <TravelPanel release={r} operator={operator} />
            <section class="card" aria-labelledby="timeline-title">
              <h2 id="timeline-title">{t('release.timeline')}</h2>
              <Timeline entries={r.timeline} me={user} />
            </section>
          </div>
        </div>
      )}
    </Page>
  );
}
