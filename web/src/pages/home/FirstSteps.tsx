import { isOperator } from '../../access';
import { type AuthUser, api } from '../../api';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

/** A new network's three steps before a release can be answered: a site, volunteers, a shift. */
export function FirstSteps({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const sites = useLiveResource(api.sites, ['site.']);
  // The same roster the overview's tonight card reads, so the page fetches it once.
  const volunteers = useLiveResource(api.volunteerCounts, ['volunteer.', 'screening.', 'sms.opt']);
  const shifts = useLiveResource(() => api.shifts({}), ['shift.']);
  if (!sites.data || !volunteers.data || !shifts.data) return null;
  const steps = [
    { key: 'site', done: sites.data.items.length > 0, href: '/sites' },
    { key: 'volunteers', done: volunteers.data.active > 0, href: '/volunteers' },
    { key: 'shift', done: shifts.data.items.length > 0, href: '/shifts' },
  ] as const;
  if (steps.every((s) => s.done)) return null;
  const operator = isOperator(user.role);
  return (
    <section class="card first-steps" aria-labelledby="first-steps-title" data-testid="first-steps">
      <h2 id="first-steps-title">{t('start.title')}</h2>
      <p>{t('start.intro')}</p>
      <ol class="steps">
        {steps.map((s) => (
          <li key={s.key} class={s.done ? 'step step-done' : 'step'} data-done={s.done ? 'yes' : 'no'}>
            <strong>{t(`start.${s.key}`)}</strong>
            {s.done ? (
              <span class="chip chip-ok">{t('start.done')}</span>
            ) : (
              operator && (
                <a href={s.href} onClick={linkClick}>
                  {t(`start.${s.key}Go`)}
                </a>
              )
            )}
            <p class="hint">{t(`start.${s.key}Why`)}</p>
          </li>
        ))}
      </ol>
      <p class="hint">{t('start.try')}</p>
    </section>
  );
}
