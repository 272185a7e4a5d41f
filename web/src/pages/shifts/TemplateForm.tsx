import { useState } from 'preact/hooks';
import { api, type ShiftTemplate, type Site } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatTime, weekdayNames } from '../../components/networkTime';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { NoSites, SiteRoleNeeded, shiftFieldErrors, TimeFields } from './ShiftFields';

export function TemplateForm({ sites }: { sites: Site[] }) {
  const { t, lang } = useI18n();
  const templates = useLiveResource(api.shiftTemplates, ['shift_template.']);
  const [siteId, setSiteId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [role, setRole] = useState('');
  const [needed, setNeeded] = useState('2');
  const [saved, setSaved] = useState(false);
  const submission = useSubmission<ShiftTemplate>();
  const errors = shiftFieldErrors(t, submission.error);
  const days = weekdayNames(lang);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const items = templates.data?.items ?? [];

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const created = await submission.run((key) =>
      api.createShiftTemplate(
        {
          siteId: Number(siteId),
          weekday: Number(weekday),
          startTime: start,
          endTime: end,
          role: role.trim() || undefined,
          needed: Number(needed),
        },
        key,
      ),
    );
    if (!created) return;
    setSaved(true);
    setRole('');
    templates.reload();
  };

  // The times are wall-clock strings already; any date will do to format them.
  const clock = (hhmm: string) => formatTime(lang, `2024-01-01T${hhmm}`);

  return (
    <Disclosure id="new-template-title" title={t('templates.new')}>
      <p class="hint">{t('templates.intro')}</p>
      {sites.length === 0 ? (
        <NoSites />
      ) : (
        <form class="form" onSubmit={submit} aria-labelledby="new-template-title" data-testid="template-form">
          <ErrorMessage error={submission.error} />
          {saved && (
            <p class="alert alert-ok" role="status">
              {t('templates.saved')}
            </p>
          )}
          <Field id="template-weekday" label={t('templates.weekday')} error={errors.weekday}>
            {(a11y) => (
              <select {...a11y} value={weekday} onChange={(e) => setWeekday(e.currentTarget.value)}>
                {days.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TimeFields
            idPrefix="template"
            start={start}
            end={end}
            onStart={setStart}
            onEnd={setEnd}
            errors={errors}
          />
          <SiteRoleNeeded
            idPrefix="template"
            sites={sites}
            siteId={siteId}
            role={role}
            needed={needed}
            onSite={setSiteId}
            onRole={setRole}
            onNeeded={setNeeded}
            errors={errors}
          />
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy ? t('form.saving') : t('templates.submit')}
          </button>
        </form>
      )}
      {items.length > 0 && (
        <>
          <h3 class="subhead">{t('templates.list')}</h3>
          <ul class="plain-list" data-testid="template-list">
            {items.map((tpl) => (
              <li key={tpl.id} class={tpl.active ? undefined : 'muted'}>
                <strong>{days[tpl.weekday - 1]}</strong>{' '}
                <span class="nowrap">
                  {clock(tpl.startTime)} – {clock(tpl.endTime)}
                </span>
                <span class="sub">
                  {siteName.get(tpl.siteId) ?? `#${tpl.siteId}`}
                  {tpl.role ? ` · ${tpl.role}` : ''} · {t('templates.needs', { n: tpl.needed })}
                  {tpl.active ? '' : ` · ${t('templates.paused')}`}
                </span>{' '}
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid={`template-toggle-${tpl.id}`}
                  onClick={async () => {
                    await api.updateShiftTemplate(tpl.id, { active: !tpl.active });
                    templates.reload();
                  }}
                >
                  {tpl.active ? t('templates.pause') : t('templates.resume')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Disclosure>
  );
}
