import { useRef, useState } from 'preact/hooks';
import { type ApiError, type AuditEntry, api, toApiError } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Page } from '../components/Page';
import { hasKey, type MessageKey, type Translate, useI18n } from '../i18n';
import { useLiveReload } from '../resource';
import { linkClick } from '../router';

interface Filters {
  action: string;
  entity: string;
  /** Local dates, YYYY-MM-DD, both ends included. */
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', entity: '', from: '', to: '' };

/** "release.status" reads "Release: status changed"; an action without words stays as the server wrote it. */
function readableAction(t: Translate, action: string): string {
  const dot = action.indexOf('.');
  const entity = dot > 0 ? action.slice(0, dot) : action;
  const verb = dot > 0 ? action.slice(dot + 1) : '';
  const entityKey = `auditEntity.${entity}`;
  const verbKey = `auditVerb.${verb}`;
  if (!hasKey(entityKey) || !hasKey(verbKey)) return action;
  return `${t(entityKey)}: ${t(verbKey)}`;
}

/** Where a record can be opened, for the kinds of record that have a page. */
function recordHref(entity: string, id: number | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (entity === 'release') return `/releases/${id}`;
  if (entity === 'volunteer') return `/volunteers/${id}`;
  if (entity === 'site') return '/sites';
  if (entity === 'shift') return '/shifts';
  if (entity === 'user') return '/users';
  return null;
}

/** The start of a local day, or of the day after, as an instant the server compares with. */
function dayStart(date: string, plusDays = 0): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const pageSize = 50;

function Changes({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useI18n();
  if (!changes || Object.keys(changes).length === 0) return <>{t('audit.noChanges')}</>;
  return (
    <details>
      <summary>{Object.keys(changes).join(', ')}</summary>
      <pre>{JSON.stringify(changes, null, 2)}</pre>
    </details>
  );
}

export function Audit() {
  const { t, date } = useI18n();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(draft);
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const paged = useRef(false);

  const load = async (applied: Filters, before?: number) => {
    const mine = ++seq.current;
    setBusy(true);
    try {
      const page = await api.audit({
        action: applied.action || undefined,
        entity: applied.entity || undefined,
        from: dayStart(applied.from),
        to: dayStart(applied.to, 1),
        before,
        limit: pageSize,
      });
      if (mine !== seq.current) return;
      setItems((prev) => (before !== undefined && prev ? [...prev, ...page.items] : page.items));
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(toApiError(err));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  const refresh = () => {
    paged.current = false;
    void load(filters);
  };

  // Every change writes an audit line; follow along unless the reader is looking at older pages.
  useLiveReload(() => {
    if (!paged.current) void load(filters);
  }, ['']);

  const apply = (next: Filters) => {
    setDraft(next);
    setFilters(next);
    paged.current = false;
    void load(next);
  };

  const more = () => {
    if (nextBefore === null) return;
    paged.current = true;
    void load(filters, nextBefore);
  };

  const refreshButton = (
    <button type="button" class="btn" onClick={refresh} disabled={busy}>
      {t('audit.refresh')}
    </button>
  );

  return (
    <Page title={t('audit.title')} actions={refreshButton}>
      <form
        class="card filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, action: draft.action.trim(), entity: draft.entity.trim() });
        }}
      >
        <div class="field">
          <label for="audit-action">{t('audit.action')}</label>
          <input
            id="audit-action"
            class="mono"
            placeholder={t('audit.actionExample')}
            value={draft.action}
            onInput={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="audit-entity">{t('audit.entity')}</label>
          <input
            id="audit-entity"
            class="mono"
            placeholder={t('audit.entityExample')}
            value={draft.entity}
            onInput={(e) => setDraft({ ...draft, entity: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </div>
        <div class="filter-actions">
          <button type="submit" class="btn btn-primary">
            {t('audit.apply')}
          </button>
          <button type="button" class="btn btn-quiet" onClick={() => apply(noFilters)}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {items && items.length === 0 && <p class="empty">{t('audit.empty')}</p>}
      {items && items.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.record')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td data-label={t('audit.when')}>
                  <time dateTime={entry.at}>{date(entry.at)}</time>
                </td>
                <td data-label={t('audit.who')}>{entry.actor || t('audit.system')}</td>
                <td data-label={t('audit.what')}>
                  <span title={entry.action}>{readableAction(t, entry.action)}</span>
                </td>
                <td data-label={t('audit.record')}>
                  {(() => {
                    const label = `${hasKey(`auditEntity.${entry.entity}`) ? t(`auditEntity.${entry.entity}` as MessageKey) : entry.entity}${entry.entityId !== null && entry.entityId !== undefined ? ` #${entry.entityId}` : ''}`;
                    const href = recordHref(entry.entity, entry.entityId);
                    return href ? (
                      <a href={href} onClick={linkClick}>
                        {label}
                      </a>
                    ) : (
                      label
                    );
                  })()}
                </td>
                <td data-label={t('audit.changes')}>
                  <Changes changes={entry.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore !== null && (
        <button type="button" class="btn more" onClick={more} disabled={busy}>
          {t('audit.more')}
        </button>
      )}
    </Page>
  );
}
