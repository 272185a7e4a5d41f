import { useEffect, useRef, useState } from 'preact/hooks';
import {
  api,
  type ScreeningStateName,
  screeningStates,
  type User,
  type Volunteer,
  type VolunteerQuery,
  type VolunteerSkill,
  volunteerSkills,
} from '../api';
import { Disclosure } from '../components/Disclosure';
import { ErrorMessage } from '../components/ErrorMessage';
import { Page } from '../components/Page';
import { useReloadOn } from '../components/reloadOn';
import {
  LanguageList,
  languageName,
  parseLanguages,
  ScreeningChip,
  SkillList,
  VolunteerBadges,
} from '../components/VolunteerBits';
import { emptyDraft, formError, VolunteerFields, volunteerErrors } from '../components/VolunteerFields';
import { useLiveResource, useSubmission } from '../hooks';
import { useI18n } from '../i18n';
import { linkClick } from '../router';

export function canOperate(user: User): boolean {
  return user.role === 'admin' || user.role === 'coordinator';
}

function NewVolunteerForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(emptyDraft);
  const [saved, setSaved] = useState<Volunteer | null>(null);
  const submission = useSubmission<Volunteer>();
  const errors = volunteerErrors(t, submission.error);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const created = await submission.run((key) =>
      api.createVolunteer(
        {
          name: draft.name.trim(),
          phone: draft.phone.trim(),
          languages: parseLanguages(draft.languages),
          skills: draft.skills,
          smsLanguage: draft.smsLanguage,
          highRisk: draft.highRisk,
        },
        key,
      ),
    );
    if (!created) return;
    setSaved(created);
    setDraft(emptyDraft);
    onCreated();
  };

  return (
    <Disclosure id="new-volunteer-title" title={t('volunteers.new')}>
      <form
        class="form"
        onSubmit={submit}
        aria-labelledby="new-volunteer-title"
        data-testid="new-volunteer-form"
      >
        <ErrorMessage error={formError(submission.error, errors)} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('volunteers.saved', { name: saved.name })}{' '}
            <a href={`/volunteers/${saved.id}`} onClick={linkClick}>
              {t('volunteers.open')}
            </a>
          </p>
        )}
        <VolunteerFields idPrefix="new-volunteer" draft={draft} onChange={setDraft} errors={errors} />
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('volunteers.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

interface Filters {
  q: string;
  language: string;
  skill: VolunteerSkill | '';
  screening: ScreeningStateName | '';
  active: '' | 'true' | 'false';
}

const noFilters: Filters = { q: '', language: '', skill: '', screening: '', active: '' };

function toQuery(f: Filters): VolunteerQuery {
  return {
    q: f.q.trim() || undefined,
    language: f.language || undefined,
    skill: f.skill || undefined,
    screening: f.screening || undefined,
    active: f.active || undefined,
  };
}

function VolunteerCard({ volunteer: v }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  return (
    <li class="card vol-card" data-testid="volunteer-row" data-id={v.id}>
      <div class="vol-head">
        <a class="vol-name" href={`/volunteers/${v.id}`} onClick={linkClick}>
          {v.name}
        </a>
        <ScreeningChip state={v.screening.state} until={v.screening.until} />
      </div>
      <p class="vol-phone mono">{v.phone}</p>
      {(!v.active || v.highRisk || v.optedOut) && (
        <p class="chip-group vol-badges">
          <VolunteerBadges volunteer={v} />
        </p>
      )}
      <dl class="facts">
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
      </dl>
    </li>
  );
}

export function Volunteers({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [typed, setTyped] = useState('');
  const query = useRef<VolunteerQuery>({});
  const roster = useLiveResource('volunteer.', () => api.volunteers(query.current));
  // A screen changes the chip; an opt-out by text changes the badge.
  useReloadOn(['screening.', 'sms.opt_'], roster.reload);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    query.current = toQuery(filters);
    roster.reload();
  }, [filters]);

  // Search as the name is typed, without a request for every keystroke.
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = window.setTimeout(() => setFilters((f) => ({ ...f, q: typed })), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);

  // Language choices come from every roster seen on this visit, so narrowing the list keeps the others.
  const seenLanguages = useRef(new Map<string, string>());
  for (const v of roster.data?.items ?? []) {
    for (const l of v.languages) {
      if (!seenLanguages.current.has(l.toLowerCase())) seenLanguages.current.set(l.toLowerCase(), l);
    }
  }
  const languageOptions = [...seenLanguages.current.values()]
    .map((code) => ({ code, label: languageName(lang, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

  const items = roster.data?.items ?? [];
  const filtered = typed !== '' || JSON.stringify(filters) !== JSON.stringify(noFilters);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const clear = () => {
    setTyped('');
    setFilters(noFilters);
  };

  return (
    <Page
      title={t('volunteers.title')}
      actions={
        canOperate(user) && (
          <a class="btn" href="/volunteers/import" onClick={linkClick}>
            {t('import.link')}
          </a>
        )
      }
    >
      {canOperate(user) && <NewVolunteerForm onCreated={roster.reload} />}
      <form
        class="card filters filters-compact"
        aria-label={t('volunteers.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: typed });
        }}
      >
        <div class="field field-search">
          <label for="vol-search">{t('volunteers.search')}</label>
          <input
            id="vol-search"
            type="search"
            autoComplete="off"
            placeholder={t('volunteers.searchHint')}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="vol-language">{t('volunteers.language')}</label>
          <select
            id="vol-language"
            value={filters.language}
            onChange={(e) => set({ language: e.currentTarget.value })}
          >
            <option value="">{t('sms.all')}</option>
            {languageOptions.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="vol-skill">{t('volunteers.skill')}</label>
          <select
            id="vol-skill"
            value={filters.skill}
            onChange={(e) => set({ skill: e.currentTarget.value as Filters['skill'] })}
          >
            <option value="">{t('sms.all')}</option>
            {volunteerSkills.map((s) => (
              <option key={s} value={s}>
                {t(`skill.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="vol-screening">{t('volunteers.screening')}</label>
          <select
            id="vol-screening"
            value={filters.screening}
            onChange={(e) => set({ screening: e.currentTarget.value as Filters['screening'] })}
          >
            <option value="">{t('sms.all')}</option>
            {screeningStates.map((s) => (
              <option key={s} value={s}>
                {t(`screening.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="vol-active">{t('volunteers.status')}</label>
          <select
            id="vol-active"
            value={filters.active}
            onChange={(e) => set({ active: e.currentTarget.value as Filters['active'] })}
          >
            <option value="">{t('sms.all')}</option>
            <option value="true">{t('volunteers.activeOnly')}</option>
            <option value="false">{t('volunteers.pausedOnly')}</option>
          </select>
        </div>
        {filtered && (
          <div class="filter-actions">
            <button type="button" class="btn btn-quiet" onClick={clear}>
              {t('sms.clear')}
            </button>
          </div>
        )}
      </form>
      <ErrorMessage error={roster.error} />
      {!roster.data && !roster.error && <p class="loading">{t('app.loading')}</p>}
      {roster.data && (
        <p class="count" aria-live="polite" data-testid="volunteer-count">
          {items.length === 0
            ? filtered
              ? t('volunteers.emptyFiltered')
              : t('volunteers.empty')
            : t(items.length === 1 ? 'volunteers.count.one' : 'volunteers.count.other', { n: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <ul class="card-list" data-testid="volunteer-list">
          {items.map((v) => (
            <VolunteerCard key={v.id} volunteer={v} />
          ))}
        </ul>
      )}
    </Page>
  );
}
