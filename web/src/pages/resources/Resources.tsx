import { type ResourceTag, resourceTags } from '@shared/resources';
import { useState } from 'preact/hooks';
import { isOperator } from '../../access';
import { ApiError, type AuthUser, api, type OfflineLibrary, type Resource } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { cachedLibrary, keepLibrary } from '../../offline/library';
import { useLiveResource } from '../../resource';
import { linkClick, navigate } from '../../router';
import { MetaFields, type SheetMeta } from './MetaFields';
import { StaleChip, TagChips, VersionLanguages } from './ResourceBits';

interface Shown {
  library: OfflineLibrary;
  /** Read from the phone's copy: the server could not be reached. */
  offline: boolean;
}

/** The library as the server has it now, kept on the phone; the kept copy when there is no signal. */
export async function loadLibrary(): Promise<Shown> {
  try {
    const library = await api.offlineLibrary();
    void keepLibrary(library);
    return { library, offline: false };
  } catch (err) {
    const kept = err instanceof ApiError && err.code === 'network' ? cachedLibrary() : null;
    if (kept) return { library: kept, offline: true };
    throw err;
  }
}

function NewResourceForm() {
  const { t } = useI18n();
  const [meta, setMeta] = useState<SheetMeta>({ title: '', tags: [], reviewBy: '' });
  const submission = useSubmission<Resource>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const created = await submission.run((key) =>
      api.createResource(
        { title: meta.title.trim(), tags: meta.tags, reviewBy: meta.reviewBy || undefined },
        key,
      ),
    );
    if (created) navigate(`/resources/${created.id}`);
  };
  return (
    <Disclosure id="new-resource-title" title={t('resources.new')}>
      <form class="form" onSubmit={submit} aria-labelledby="new-resource-title">
        <ErrorMessage error={submission.error} />
        <MetaFields
          ids={{ title: 'resource-title', reviewBy: 'resource-review' }}
          value={meta}
          onChange={setMeta}
          errors={submission.fieldErrors}
        />
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('resources.create')}
        </button>
      </form>
    </Disclosure>
  );
}

export function Resources({ user }: { user: AuthUser }) {
  const { t, date } = useI18n();
  const [tag, setTag] = useState<ResourceTag | ''>('');
  const { data, error } = useLiveResource(loadLibrary, ['resource.']);
  const items = (data?.library.items ?? []).filter((r) => !tag || r.tags.includes(tag));
  return (
    <Page
      title={t('resources.pageTitle')}
      actions={
        <a class="btn btn-small" href="/resources/coverage" onClick={linkClick}>
          {t('resources.coverageLink')}
        </a>
      }
    >
      {isOperator(user.role) && <NewResourceForm />}
      <ErrorMessage error={error} />
      {data?.offline && (
        <p class="alert" role="status" data-testid="library-offline">
          {t('resources.offlineCopy', { at: date(data.library.savedAt) })}
        </p>
      )}
      <div class="filters filters-compact">
        <label for="resource-tag">{t('resources.filter')}</label>
        <select
          id="resource-tag"
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value as ResourceTag | '')}
        >
          <option value="">{t('resources.allTags')}</option>
          {resourceTags.map((k) => (
            <option key={k} value={k}>
              {t(`resourceTag.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {data && items.length === 0 && <p class="muted">{t('resources.none')}</p>}
      <ul class="card-list" data-testid="resource-list">
        {items.map((r) => (
          <li key={r.id} class="card" data-testid="resource-card" data-stale={r.stale ? 'yes' : 'no'}>
            <h2 class="card-title">
              <a href={`/resources/${r.id}`} onClick={linkClick}>
                {r.title}
              </a>
            </h2>
            <StaleChip stale={r.stale} reviewBy={r.reviewBy} />
            <TagChips tags={r.tags} />
            <VersionLanguages languages={r.versions.map((v) => v.language)} />
            <p class="muted">
              {r.ownerName ? t('resources.owner', { name: r.ownerName }) : t('resources.noOwner')}
              {r.reviewBy && ` · ${t('resources.reviewOn', { date: r.reviewBy })}`}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
