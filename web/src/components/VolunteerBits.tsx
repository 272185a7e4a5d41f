import { languageEntry } from '@shared/language-codes';
import type { ScreeningStateName, VolunteerSkill } from '@shared/volunteers';
import type { VolunteerDetail } from '../api';
import { type Lang, useI18n } from '../i18n';
import { formatDay, formatDayTime } from './networkTime';

const displayNames = new Map<Lang, Intl.DisplayNames | null>();

/**
 * "es" reads as "Spanish" / "español", "quc" as "K'iche'": the network's own table first (it knows the
 * Mayan languages), then the browser's; names without a code stay as written.
 */
export function languageName(lang: Lang, value: string): string {
  const known = languageEntry(value);
  if (known) return known[lang];
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value)) return value;
  let names = displayNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang], { type: 'language' });
    } catch {
      names = null;
    }
    displayNames.set(lang, names);
  }
  try {
    const name = names?.of(value);
    return name && name.toLowerCase() !== value.toLowerCase() ? name : value;
  } catch {
    return value;
  }
}

export function LanguageList({ languages }: { languages: string[] }) {
  const { lang, t } = useI18n();
  if (languages.length === 0) return <span class="muted">{t('volunteers.noLanguages')}</span>;
  return <>{languages.map((l) => languageName(lang, l)).join(', ')}</>;
}

export function SkillList({ skills }: { skills: VolunteerSkill[] }) {
  const { t } = useI18n();
  if (skills.length === 0) return <span class="muted">{t('volunteers.noSkills')}</span>;
  return (
    <ul class="tags">
      {skills.map((s) => (
        <li key={s} class="tag">
          {t(`skill.${s}`)}
        </li>
      ))}
    </ul>
  );
}

const tones: Record<ScreeningStateName, string> = { clear: 'ok', isolating: 'bad', missing: 'wait' };

/** Green clear, red isolating (with the day it may end), grey when there is no screen that still counts. */
export function ScreeningChip({ state, until }: { state: ScreeningStateName; until?: string | null }) {
  const { t, lang } = useI18n();
  let text: string = t(`screening.${state}`);
  let title: string | undefined;
  if (state === 'isolating' && until) {
    text = t('screening.isolatingUntil', { date: formatDay(lang, until) });
    title = t('screening.isolatingUntil', { date: formatDayTime(lang, until) });
  } else if (state === 'clear' && until) {
    title = t('screening.clearUntil', { date: formatDayTime(lang, until) });
  }
  return (
    <span class={`chip chip-${tones[state]}`} data-testid="screening-chip" data-state={state} title={title}>
      {text}
    </span>
  );
}

/** The flags a coordinator must see before sending someone: paused, high risk, not reachable by text. */
export function VolunteerBadges({
  volunteer,
}: {
  volunteer: Pick<VolunteerDetail, 'active' | 'highRisk' | 'optedOut'>;
}) {
  const { t } = useI18n();
  return (
    <>
      {!volunteer.active && (
        <span class="chip chip-wait" data-testid="badge-paused">
          {t('volunteers.paused')}
        </span>
      )}
      {volunteer.highRisk && (
        <span class="chip chip-warn" data-testid="badge-high-risk" title={t('volunteers.highRiskHint')}>
          {t('volunteers.highRisk')}
        </span>
      )}
      {volunteer.optedOut && (
        <span class="chip chip-bad" data-testid="badge-opted-out" title={t('volunteers.optedOutHint')}>
          {t('volunteers.optedOut')}
        </span>
      )}
    </>
  );
}

/** "es, en, K'iche'" → the list the API takes; commas, semicolons and slashes all separate. */
export function parseLanguages(text: string): string[] {
  return text
    .split(/[,;/|]/)
    .map((l) => l.trim())
    .filter(Boolean);
}
