import { useState } from 'preact/hooks';
import { medicalStaff } from '../../access';
import { type AuthUser, api, type OnCallSchedule } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ONCALL_EVENTS, OnCallNow, PAGE_EVENTS, PageCard, useOnCall } from '../../components/MedicalBits';
import { formatDay, formatTime, wallDate } from '../../components/networkTime';
import { Page } from '../../components/Page';
import { PageForm, pageSenders } from '../../components/PagePanel';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { MedicalContacts } from './MedicalContacts';
import { OnCallDays } from './OnCallDays';
import { OverrideForm, ScheduleForm } from './ScheduleForms';

function ScheduleLine({ s }: { s: OnCallSchedule }) {
  const { t, lang } = useI18n();
  const time = formatTime(lang, `${s.startsOn}T${s.handoffTime}`);
  return (
    <li data-testid="schedule" data-schedule={s.id}>
      <strong>{s.name}</strong> · {t(`layer.${s.layer}`)}
      <br />
      <span class="hint">
        {s.handoff === 'daily'
          ? t('medical.handoffAt.daily', { time })
          : t('medical.handoffAt.weekly', { time, day: formatDay(lang, s.startsOn, 'weekday') })}
      </span>
      <br />
      {s.participants.map((p) => p.name).join(' → ')}
    </li>
  );
}

export function Medical({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const canEdit = medicalStaff.includes(user.role);
  const oncall = useOnCall();
  const contacts = useLiveResource(api.medicalContacts, ONCALL_EVENTS);
  const schedules = useLiveResource(api.onCallSchedules, ONCALL_EVENTS);
  const pages = useLiveResource(() => api.medicalPages(), PAGE_EVENTS);
  const [form, setForm] = useState<'schedule' | 'override' | null>(null);
  const [paging, setPaging] = useState(false);
  const today = oncall.data ? wallDate(oncall.data.at) : null;
  const open = pages.data?.items.filter((p) => p.status === 'triggered' || p.status === 'acknowledged') ?? [];
  const recent = pages.data?.items.filter((p) => !open.includes(p)).slice(0, 5) ?? [];
  const done = () => setForm(null);

  return (
    <Page title={t('medical.title')}>
      <div class="columns">
        <div>
          <section class="card" aria-labelledby="now-title">
            <h2 id="now-title">{t('medical.now')}</h2>
            <ErrorMessage error={oncall.error} />
            <OnCallNow oncall={oncall.data} />
          </section>
          <section class="card" aria-labelledby="open-pages-title" data-testid="open-pages">
            <div class="page-head">
              <h2 id="open-pages-title">{t('medical.openPages')}</h2>
              {pageSenders.has(user.role) && !paging && (
                <button type="button" class="btn btn-small btn-danger" onClick={() => setPaging(true)}>
                  {t('page.button')}
                </button>
              )}
            </div>
            {paging && <PageForm onSent={() => setPaging(false)} />}
            <ErrorMessage error={pages.error} />
            {pages.data && open.length === 0 && <p class="empty">{t('medical.noOpenPages')}</p>}
            {open.map((p) => (
              <PageCard key={p.id} page={p} user={user} />
            ))}
          </section>
          <MedicalContacts contacts={contacts.data?.items} canEdit={canEdit} />
        </div>
        <div>
          <section class="card" aria-labelledby="schedules-title" data-testid="schedules">
            <div class="page-head">
              <h2 id="schedules-title">{t('medical.schedules')}</h2>
              {canEdit && form === null && (
                <div class="actions">
                  <button type="button" class="btn btn-small" onClick={() => setForm('schedule')}>
                    {t('medical.addSchedule')}
                  </button>
                  {(schedules.data?.items.length ?? 0) > 0 && (
                    <button type="button" class="btn btn-small" onClick={() => setForm('override')}>
                      {t('medical.addOverride')}
                    </button>
                  )}
                </div>
              )}
            </div>
            <ErrorMessage error={schedules.error ?? contacts.error} />
            {form === 'schedule' && today && (
              <ScheduleForm contacts={contacts.data?.items ?? []} today={today} onDone={done} />
            )}
            {form === 'override' && (
              <OverrideForm
                contacts={contacts.data?.items ?? []}
                schedules={schedules.data?.items ?? []}
                onDone={done}
              />
            )}
            {schedules.data?.items.length === 0 && <p class="empty">{t('medical.noSchedules')}</p>}
            <ul class="card-list">
              {schedules.data?.items.map((s) => (
                <ScheduleLine key={s.id} s={s} />
              ))}
            </ul>
            {schedules.data && today && (
              <>
                <h3 class="subhead">{t('medical.next14')}</h3>
                {schedules.data.gaps.length === 0 ? (
                  <p class="hint">{t('medical.noGaps')}</p>
                ) : (
                  <p class="alert">{t('medical.gaps')}</p>
                )}
                <OnCallDays data={schedules.data} today={today} />
              </>
            )}
          </section>
          {recent.length > 0 && (
            <section class="card" aria-labelledby="recent-pages-title">
              <h2 id="recent-pages-title">{t('medical.recentPages')}</h2>
              {recent.map((p) => (
                <PageCard key={p.id} page={p} user={user} />
              ))}
            </section>
          )}
        </div>
      </div>
    </Page>
  );
}
