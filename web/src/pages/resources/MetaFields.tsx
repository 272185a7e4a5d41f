import { MAX_RESOURCE_TITLE, type ResourceTag } from '@shared/resources';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import { TagPicker } from './ResourceBits';

/** What a sheet is filed under, as typed: `reviewBy` is `''` when there is no date. */
export interface SheetMeta {
  title: string;
  tags: ResourceTag[];
  reviewBy: string;
}

/** Title, review-by date and tags of a sheet, for a new sheet and for an existing one alike. */
export function MetaFields({
  ids,
  value,
  onChange,
  errors,
}: {
  ids: { title: string; reviewBy: string };
  value: SheetMeta;
  onChange: (next: SheetMeta) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <div class="form-grid">
        <Field id={ids.title} label={t('resources.title')} error={errors.title}>
          {(a11y) => (
            <input
              {...a11y}
              required
              maxLength={MAX_RESOURCE_TITLE}
              value={value.title}
              onInput={(e) => onChange({ ...value, title: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id={ids.reviewBy}
          label={`${t('resources.reviewBy')} ${t('field.optional')}`}
          error={errors.reviewBy}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={value.reviewBy}
              onInput={(e) => onChange({ ...value, reviewBy: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <TagPicker value={value.tags} onChange={(tags) => onChange({ ...value, tags })} />
    </>
  );
}
