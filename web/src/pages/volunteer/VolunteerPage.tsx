import { isOperator } from '../../access';
import { type AuthUser, api, type VolunteerDetail } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { LanguageList, ScreeningChip, SkillList, VolunteerBadges } from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick, navigate } from '../../router';
import { ScreeningForm } from './ScreeningForm';
import { UpcomingShifts } from './UpcomingShifts';
import { EditForm, EraseButton, PauseButton } from './VolunteerEdit';

function Details({ volunteer: v }: { volunteer: VolunteerDetail }) {
  const { t, date } = useI18n();
  return (
    <section class="card" aria-labelledby="volunteer-details-title">
      <h2 id="volunteer-details-title" class="visually-hidden">
        {t('volunteer.details')}
      </h2>
      <p class="chip-group vol-badges">
        {v.screening && <ScreeningChip state={v.screening.state} until={v.screening.until} />}
        <VolunteerBadges volunteer={v} />
      </p>
      <dl class="facts facts-wide">
        <div>
          <dt>{t('field.phone')}</dt>
          <dd>
            <a class="mono" href={`tel:${v.phone}`}>
              {v.phone}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.languages')}</dt>
          <dd>
            <LanguageList languages={v.languages} />
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.skills')}</dt>
          <dd>
            <SkillList skills={v.skills} />
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.smsLanguage')}</dt>
          <dd>{t(`lang.${v.smsLanguage}`)}</dd>
        </div>
        {v.screening && (
          <div>
            <dt>{t('volunteer.lastScreened')}</dt>
            <dd>{v.screening.lastScreenedAt ? date(v.screening.lastScreenedAt) : t('volunteer.never')}</dd>
          </div>
        )}
        <div>
          <dt>{t('volunteer.added')}</dt>
          <dd>{date(v.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function VolunteerPage({ user, id }: { user: AuthUser; id: number }) {
  const { t } = useI18n();
  const volunteer = useLiveResource(() => api.volunteer(id), ['volunteer.', 'screening.', 'sms.opt_']);
  const v = volunteer.data;
  const operator = isOperator(user.role);

  const back = (
    <p class="back">
      <a href="/volunteers" onClick={linkClick}>
        ← {t('volunteer.back')}
      </a>
    </p>
  );

  if (volunteer.error?.status === 404 || !Number.isInteger(id) || id <= 0) {
    return (
      <Page title={t('volunteer.title')}>
        <p class="alert">{t('volunteer.notFound')}</p>
        {back}
      </Page>
    );
  }

  return (
    <Page
      title={v?.name ?? t('volunteer.title')}
      actions={v && operator && <PauseButton volunteer={v} onSaved={volunteer.reload} />}
    >
      {back}
      <ErrorMessage error={volunteer.error} />
      {!v && !volunteer.error && <p class="loading">{t('app.loading')}</p>}
      {v && (
        <div class="columns">
          <div>
            <Details volunteer={v} />
            <UpcomingShifts volunteerId={v.id} />
          </div>
          {operator && (
            <div>
              <ScreeningForm volunteer={v} onDone={volunteer.reload} />
              <EditForm volunteer={v} onSaved={volunteer.reload} />
              <EraseButton volunteer={v} onErased={() => navigate('/volunteers')} />
            </div>
          )}
        </div>
      )}
    </Page>
  );
}
