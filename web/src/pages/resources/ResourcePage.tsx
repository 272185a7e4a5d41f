import { useEffect, useState } from 'preact/hooks';
import { isOperator } from '../../access';
import { type AuthUser, api, type LibraryItem, toApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { languageName } from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';
import { keptFileUrl, svgDataUrl } from '../../offline/library';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';
import { MetaForm } from './MetaForm';
import { StaleChip, TagChips } from './ResourceBits';
import { loadLibrary } from './Resources';
import { SendForm } from './SendForm';
import { SheetText } from './SheetText';
import { VersionForm } from './VersionForm';

/** A file version: straight from the server online, from the phone's copy without signal. */
function SheetFile({ item, language, offline }: { item: LibraryItem; language: string; offline: boolean }) {
  const { t } = useI18n();
  const version = item.versions.find((v) => v.language === language);
  const online =
    item.files[language] ?? `/api/resources/${item.id}/versions/${encodeURIComponent(language)}/file`;
  const [src, setSrc] = useState<string | null>(offline ? null : online);
  useEffect(() => {
    if (!offline) {
      setSrc(online);
      return;
    }
    let url: string | null = null;
    void keptFileUrl(online).then((kept) => {
      url = kept;
      setSrc(kept);
    });
    return () => {
      if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
    };
  }, [online, offline]);
  if (!src) return <p class="muted">{t('resources.fileNotKept')}</p>;
  if (version?.mime === 'application/pdf') {
    return (
      <p>
        <a class="btn" href={src} target="_blank" rel="noopener noreferrer" data-testid="sheet-file">
          {t('resources.openPdf')}
        </a>
      </p>
    );
  }
  return <img class="sheet-image" src={src} alt={item.title} data-testid="sheet-file" />;
}

export function ResourcePage({ user, id }: { user: AuthUser; id: number }) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useLiveResource(loadLibrary, ['resource.']);
  const [chosen, setChosen] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<ReturnType<typeof toApiError> | null>(null);
  const item = data?.library.items.find((r) => r.id === id) ?? null;
  const languages = item?.versions.map((v) => v.language) ?? [];
  const language =
    chosen && languages.includes(chosen) ? chosen : (languages.find((l) => l === 'es') ?? languages[0]);
  const version = item?.versions.find((v) => v.language === language) ?? null;
  const operator = isOperator(user.role) && !data?.offline;

  const removeVersion = async (l: string) => {
    if (!item || !window.confirm(t('resources.removeVersionConfirm', { language: languageName(lang, l) })))
      return;
    try {
      await api.removeVersion(item.id, l);
      setRemoveError(null);
      reload();
    } catch (err) {
      setRemoveError(toApiError(err));
    }
  };

  return (
    <Page title={item?.title ?? t('resources.pageTitle')}>
      <p class="back">
        <a href="/resources" onClick={linkClick}>
          {t('resources.back')}
        </a>
      </p>
      <ErrorMessage error={error ?? removeError} />
      {data && !item && <p>{t('page.notFound')}</p>}
      {item && (
        <>
          {data?.offline && (
            <p class="alert" role="status" data-testid="library-offline">
              {t('resources.offlineSheet')}
            </p>
          )}
          <StaleChip stale={item.stale} reviewBy={item.reviewBy} />
          <TagChips tags={item.tags} />
          <nav class="lang-tabs" aria-label={t('resources.languages')}>
            {languages.map((l) => (
              <button
                key={l}
                type="button"
                class={`btn btn-small${l === language ? ' btn-primary' : ''}`}
                aria-pressed={l === language}
                lang={l}
                onClick={() => setChosen(l)}
              >
                {languageName(lang, l)}
              </button>
            ))}
          </nav>
          {languages.length === 0 && <p class="muted">{t('resources.noVersions')}</p>}
          {version && language && (
            <div class="sheet-view card" data-testid="sheet-view" lang={language}>
              {version.kind === 'text' ? (
                <SheetText text={version.body ?? ''} />
              ) : (
                <SheetFile item={item} language={language} offline={!!data?.offline} />
              )}
              {item.qr[language] && (
                <figure class="sheet-qr">
                  <img
                    src={svgDataUrl(item.qr[language])}
                    alt={t('resources.qrAlt')}
                    data-testid="sheet-qr"
                  />
                  <figcaption class="mono">{`${item.url}?lang=${language}`}</figcaption>
                </figure>
              )}
              {operator && (
                <button
                  type="button"
                  class="btn btn-small btn-danger"
                  onClick={() => void removeVersion(language)}
                >
                  {t('resources.removeVersion')}
                </button>
              )}
            </div>
          )}
          {isOperator(user.role) && !data?.offline && <SendForm id={item.id} languages={languages} />}
          {operator && <VersionForm resource={item} onSaved={() => reload()} />}
          {operator && <MetaForm key={item.updatedAt} item={item} />}
        </>
      )}
    </Page>
  );
}
