import { useState } from 'preact/hooks';
import { api, type LibraryItem, type Resource } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { MetaFields, type SheetMeta } from './MetaFields';

/** Title, tags and review-by date of a sheet; and removing it altogether. */
export function MetaForm({ item }: { item: LibraryItem }) {
  const { t } = useI18n();
  const [meta, setMeta] = useState<SheetMeta>({
    title: item.title,
    tags: item.tags,
    reviewBy: item.reviewBy ?? '',
  });
  const submission = useSubmission<Resource>();
  const submit = async (e: Event) => {
    e.preventDefault();
    await submission.run(() =>
      api.updateResource(item.id, {
        title: meta.title.trim(),
        tags: meta.tags,
        reviewBy: meta.reviewBy || null,
      }),
    );
  };
  const remove = async () => {
    if (!window.confirm(t('resources.removeConfirm', { title: item.title }))) return;
    await submission.run(() => api.removeResource(item.id).then(() => null as unknown as Resource));
    navigate('/resources');
  };
  return (
    <form class="form card" onSubmit={submit} aria-labelledby="meta-title">
      <h2 id="meta-title">{t('resources.details')}</h2>
      <ErrorMessage error={submission.error} />
      <MetaFields
        ids={{ title: 'meta-resource-title', reviewBy: 'meta-review' }}
        value={meta}
        onChange={setMeta}
        errors={submission.fieldErrors}
      />
      <div class="row-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {t('resources.saveDetails')}
        </button>
        <button type="button" class="btn btn-danger" onClick={() => void remove()}>
          {t('resources.remove')}
        </button>
      </div>
    </form>
  );
}
