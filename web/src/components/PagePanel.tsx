import { MAX_PAGE_REASON } from '@shared/medical';
import { useState } from 'preact/hooks';
import { medicalStaff, operators } from '../access';
import { type AuthUser, api, type MedicalPage, type ReleaseDetail } from '../api';
import { fieldErrors, formError, useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { PAGE_EVENTS, PageCard } from './MedicalBits';

export const pageSenders = new Set([...operators, ...medicalStaff]);

/** This release's pages, newest first; the list endpoint is small, so filtering here is enough. */
function useReleasePages(releaseId: number) {
  return useLiveResource(
    async () => (await api.medicalPages()).items.filter((p) => p.releaseId === releaseId),
    PAGE_EVENTS,
    { when: (e) => (e.data as { releaseId?: number | null } | null)?.releaseId === releaseId },
  );
}

/** A page with a short reason, for a release or on its own (a volunteer with symptoms). */
export function PageForm({ releaseId, onSent }: { releaseId?: number; onSent: (p: MedicalPage) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = useSubmission<MedicalPage>();
  const errors = fieldErrors(submit.error);
  const send = async (e: Event) => {
    e.preventDefault();
    const page = await submit.run((key) => api.sendPage({ releaseId, reason }, key));
    if (page) {
      setReason('');
      onSent(page);
    }
  };
  return (
    <form class="page-form" onSubmit={(e) => void send(e)} data-testid="page-form">
      <ErrorMessage error={formError(submit.error, errors)} />
      <Field id="page-reason" label={t('page.reason')} hint={t('page.reasonHint')} error={errors.reason}>
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            required
            minLength={3}
            maxLength={MAX_PAGE_REASON}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" class="btn btn-danger" disabled={submit.busy}>
        {t('page.send')}
      </button>
    </form>
  );
}

/**
 * The page button on a release: up front when the group needs medical help or medication, and the live
 * timeline of every page sent for it.
 */
export function PagePanel({ release, user }: { release: ReleaseDetail; user: AuthUser }) {
  const { t } = useI18n();
  const pages = useReleasePages(release.id);
  const needsCare = release.needs.some(
    (n) => (n === 'medical' || n === 'medication') && !release.needsMet.includes(n),
  );
  const canSend = pageSenders.has(user.role);
  const [open, setOpen] = useState(false);
  const items = pages.data ?? [];
  if (!needsCare && items.length === 0 && !canSend) return null;
  const active = items.some((p) => p.status === 'triggered' || p.status === 'acknowledged');
  return (
    <section
      class={`card page-panel${needsCare ? ' page-panel-urgent' : ''}`}
      aria-labelledby="page-title"
      data-testid="page-panel"
    >
      <h2 id="page-title">{t('page.title')}</h2>
      {needsCare && <p class="alert">{t('page.offered')}</p>}
      <ErrorMessage error={pages.error} />
      {canSend &&
        !active &&
        (open || needsCare ? (
          <PageForm
            releaseId={release.id}
            onSent={() => {
              setOpen(false);
              pages.reload();
            }}
          />
        ) : (
          <button type="button" class="btn" onClick={() => setOpen(true)} data-testid="page-open">
            {t('page.button')}
          </button>
        ))}
      {items.map((p) => (
        <PageCard key={p.id} page={p} user={user} />
      ))}
    </section>
  );
}
