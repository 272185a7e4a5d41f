import { reads } from '@shared/roles';
import {
  type ScreeningStateName,
  screeningStates,
  type VolunteerSkill,
  volunteerSkills,
} from '@shared/volunteers';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isOperator } from '../../access';
import { type AuthUser, api, type RosterQuery, type VolunteerDetail } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import {
  LanguageList,
  languageName,
  ScreeningChip,
  SkillList,
  VolunteerBadges,
} from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';
import { NewVolunteerForm } from './NewVolunteerForm';

interface Filters {
  q: string;
  language: string;
  skill: VolunteerSkill | '';
  screening: ScreeningStateName | '';
  active: '' | 'true' | 'false';
}

const noFilters: Filters = { q: '', language: '', skill: '', screening: '', active: '' };

function toQuery(f: Filters): RosterQuery {
  return {
    q: f.q.trim() || undefined,
    language: f.language || undefined,
    skill: f.skill || undefined,
    screening: f.screening || undefined,
    active: f.active || undefined,
  };
}

function VolunteerCard({ volunteer: v }: { volunteer: VolunteerDetail }) {
  const { t } = useI18n();
  return (
    <li class="card vol-card" data-testid="volunteer-row" data-id={v.id}>
      <div class="vol-head">
        <a class="vol-name" href={`/volunteers/${v.id}`} onClick={linkClick}>
          {v.name}
        </a>
        {v.screening && <ScreeningChip state={v.screening.state} until={v.screening.until} />}
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

export function Volunteers({ user }: { user: AuthUser }) {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [typed, setTyped] = useState('');
  const query = useRef<RosterQuery>({});
  // A screen changes the chip; an opt-out by text changes the badge.
  const roster = useLiveResource(
    () => api.volunteers(query.current),
    ['volunteer.', 'screening.', 'sms.opt_'],
  );
  const operator = isOperator(user.role);

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
        operator && (
          <a class="btn" href="/volunteers/import" onClick={linkClick}>
            {t('import.link')}
          </a>
        )
      }
    >
      {operator && <NewVolunteerForm onCreated={roster.reload} />}
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
        {reads(user.role, 'health') && (
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
        )}
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
