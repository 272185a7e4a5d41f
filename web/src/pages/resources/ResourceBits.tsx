import { type ResourceTag, resourceTags } from '@shared/resources';
import { ChipCheck } from '../../components/ChipCheck';
import { languageName } from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';

export function TagChips({ tags }: { tags: readonly ResourceTag[] }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    <ul class="tags" aria-label={t('resources.tags')}>
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {t(`resourceTag.${tag}`)}
        </li>
      ))}
    </ul>
  );
}

export function TagPicker({
  value,
  onChange,
}: {
  value: ResourceTag[];
  onChange: (tags: ResourceTag[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="chip-group">
      <legend>{t('resources.tags')}</legend>
      {resourceTags.map((tag) => (
        <ChipCheck
          key={tag}
          label={t(`resourceTag.${tag}`)}
          checked={value.includes(tag)}
          onChange={(on) => onChange(on ? [...value, tag] : value.filter((v) => v !== tag))}
        />
      ))}
    </fieldset>
  );
}

/** The languages a sheet exists in, each in the reader's language. */
export function VersionLanguages({ languages }: { languages: string[] }) {
  const { t, lang } = useI18n();
  if (languages.length === 0) return <span class="muted">{t('resources.noVersions')}</span>;
  return (
    <ul class="tags" aria-label={t('resources.languages')}>
      {languages.map((l) => (
        <li key={l} class="tag" lang={l}>
          {languageName(lang, l)}
        </li>
      ))}
    </ul>
  );
}

export function StaleChip({ stale, reviewBy }: { stale: boolean; reviewBy: string | null }) {
  const { t } = useI18n();
  if (!stale) return null;
  return (
    <span class="chip chip-warn" data-testid="stale-flag">
      {t('resources.stale', { date: reviewBy ?? '' })}
    </span>
  );
}
