import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { languageName } from '../../components/VolunteerBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

/** Which sheets lack the languages the network's releases needed lately, most needed first. */
export function Coverage() {
  const { t, lang } = useI18n();
  const { data, error } = useLiveResource(() => api.resourceCoverage(), ['resource.', 'release.']);
  return (
    <Page title={t('coverage.title')}>
      <p class="back">
        <a href="/resources" onClick={linkClick}>
          {t('resources.back')}
        </a>
      </p>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p>{t('coverage.summary', { days: data.days, releases: data.releases })}</p>
          {data.languages.length === 0 ? (
            <p class="muted">{t('coverage.noLanguages')}</p>
          ) : (
            <div class="scroll-x">
              <table class="table" data-testid="coverage-table">
                <caption>{t('coverage.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('resources.title')}</th>
                    {data.languages.map((l) => (
                      <th key={l.language} scope="col" lang={l.language}>
                        {languageName(lang, l.language)}
                        <br />
                        <span class="muted">{t('coverage.releases', { n: l.releases })}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.resources.map((r) => (
                    <tr key={r.id} data-testid="coverage-row">
                      <th scope="row">
                        <a href={`/resources/${r.id}`} onClick={linkClick}>
                          {r.title}
                        </a>
                      </th>
                      {data.languages.map((l) => {
                        const missing = r.missing.some((m) => m.language === l.language);
                        return (
                          <td key={l.language} data-missing={missing ? 'yes' : 'no'}>
                            {missing ? (
                              <span class="chip chip-warn">{t('coverage.missing')}</span>
                            ) : (
                              <span class="chip chip-ok">{t('coverage.has')}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
