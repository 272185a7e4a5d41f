import { useState } from 'preact/hooks';
import { isOperator } from '../../access';
import { type ApiError, type AuthUser, api, toApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { languageName } from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';
import { svgDataUrl } from '../../offline/library';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';
import { TagChips } from './ResourceBits';

/**
 * The sheets to hand a release's group, in its languages, each with its QR code: printed on paper or
 * shown on a phone. Either ticks the needs they meet (COVID guidance, legal orientation).
 */
export function ReleaseSheets({ user, releaseId }: { user: AuthUser; releaseId: number }) {
  const { t, lang } = useI18n();
  const { data, error } = useLiveResource(() => api.releaseBundle(releaseId), ['resource.']);
  const [picked, setPicked] = useState<Set<number> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [shareError, setShareError] = useState<ApiError | null>(null);
  const chosen = picked ?? new Set((data?.items ?? []).filter((i) => i.suggested).map((i) => i.id));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const share = async (how: 'printed' | 'shown') => {
    if (chosen.size === 0) return;
    try {
      const result = await api.shareWithRelease(releaseId, [...chosen], how);
      setShareError(null);
      setDone(result.needsMet.map((n) => t(`need.${n}` as never)).join(', ') || t('sheets.noNeeds'));
      if (how === 'printed') window.print();
    } catch (err) {
      setShareError(toApiError(err));
    }
  };
  return (
    <Page title={data ? t('sheets.title', { code: data.code }) : t('sheets.loading')}>
      <p class="back no-print">
        <a href={`/releases/${releaseId}`} onClick={linkClick}>
          {t('sheets.back')}
        </a>
      </p>
      <ErrorMessage error={error ?? shareError} />
      {data && (
        <>
          <p class="no-print">
            {t('sheets.languages')}: {data.languages.map((l) => languageName(lang, l)).join(', ')}
          </p>
          {done && (
            <p class="alert alert-ok no-print" role="status" data-testid="sheets-shared">
              {t('sheets.shared', { needs: done })}
            </p>
          )}
          {data.items.length === 0 && <p class="muted">{t('sheets.none')}</p>}
          {isOperator(user.role) && data.items.length > 0 && (
            <div class="row-actions no-print">
              <button type="button" class="btn btn-primary" onClick={() => void share('printed')}>
                {t('sheets.print')}
              </button>
              <button type="button" class="btn" onClick={() => void share('shown')}>
                {t('sheets.shown')}
              </button>
            </div>
          )}
          <ul class="bundle" data-testid="bundle">
            {data.items.map((item) => (
              <li key={item.id} class={`card bundle-item${chosen.has(item.id) ? '' : ' print-skip'}`}>
                <label class="no-print chip-check">
                  <input
                    type="checkbox"
                    checked={chosen.has(item.id)}
                    onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                  />
                  <span class="chip-check-label">{t('sheets.include')}</span>
                </label>
                <h2>{item.title}</h2>
                <TagChips tags={item.tags} />
                <div class="bundle-sheets">
                  {item.sheets.map((s) => (
                    <figure key={s.served} class="sheet-qr" lang={s.served}>
                      <img src={svgDataUrl(s.qr)} alt={t('resources.qrAlt')} />
                      <figcaption>
                        <strong>{languageName(lang, s.served)}</strong>
                        <br />
                        <span class="mono">{s.url}</span>
                      </figcaption>
                    </figure>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
