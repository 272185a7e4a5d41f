import { useState } from 'preact/hooks';
import { api, type ImportReport, type ImportRow } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Page } from '../components/Page';
import { useSubmission } from '../forms';
import { type Translate, useI18n } from '../i18n';
import { linkClick } from '../router';

export const exampleHeading = 'name,phone,languages,skills,highRisk,active,smsLanguage';
const exampleRow = 'Ana López,(303) 555-0142,es;en,driver;interpreter,no,yes,es';

/** The server explains a refused row in English field terms; say it in the reader's language. */
type RowError = Extract<ImportRow, { status: 'refused' }>['errors'][number];

function reason(t: Translate, e: RowError): string {
  const field = e.path.split('.')[0] ?? '';
  switch (field) {
    case 'name':
      return t('import.reason.name');
    case 'phone':
      return e.code === 'duplicate_phone' ? t('error.duplicate_phone') : t('volunteers.phoneInvalid');
    case 'languages':
      return t('volunteers.languagesInvalid');
    case 'skills':
      return t('import.reason.skills');
    case 'highRisk':
    case 'active':
      return t('import.reason.yesNo', {
        field: field === 'highRisk' ? t('volunteers.highRisk') : t('volunteers.active'),
      });
    case 'smsLanguage':
      return t('import.reason.smsLanguage');
    default:
      return e.path ? `${e.path}: ${e.message}` : e.message;
  }
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">{t('import.report')}</h2>
      <p class="chip-group" role="status">
        <span class="chip chip-ok" data-testid="import-added">
          {t('import.added', { n: report.added })}
        </span>
        <span class="chip chip-ok" data-testid="import-updated">
          {t('import.updated', { n: report.updated })}
        </span>
        {report.skipped > 0 && (
          <span class="chip chip-wait" data-testid="import-skipped">
            {t('import.skipped', { n: report.skipped })}
          </span>
        )}
        <span class={`chip ${report.refused ? 'chip-bad' : 'chip-wait'}`} data-testid="import-refused">
          {t('import.refused', { n: report.refused })}
        </span>
      </p>
      {report.rows.length === 0 && <p class="empty">{t('import.noRows')}</p>}
      {report.rows.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('import.report')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('import.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row} data-testid="import-row" data-status={r.status}>
                <td data-label={t('import.row')} class="mono">
                  {r.row}
                </td>
                <th scope="row" data-label={t('field.name')}>
                  {r.status !== 'refused' ? (
                    <a href={`/volunteers/${r.id}`} onClick={linkClick}>
                      {r.name}
                    </a>
                  ) : (
                    (r.name ?? '—')
                  )}
                </th>
                <td data-label={t('import.result')}>
                  {r.status === 'added' ? (
                    <span class="chip chip-ok">{t('import.rowAdded')}</span>
                  ) : r.status === 'updated' ? (
                    <span class="chip chip-ok">{t('import.rowUpdated')}</span>
                  ) : r.status === 'skipped' ? (
                    <span class="chip chip-wait">{t('import.rowSkipped')}</span>
                  ) : (
                    <div>
                      <span class="chip chip-bad">{t('import.rowRefused')}</span>
                      <ul class="reasons">
                        {r.errors.map((e) => (
                          <li key={`${e.path}:${e.message}`}>{reason(t, e)}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function VolunteerImport() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const submission = useSubmission<ImportReport>();

  const pick = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setFileError(false);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      setCsv(typeof reader.result === 'string' ? reader.result : '');
      setFileName(file.name);
    };
    reader.onerror = () => setFileError(true);
    reader.readAsText(file);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setReport(null);
    const result = await submission.run((key) => api.importVolunteers(csv, key));
    if (result) setReport(result);
  };

  // A file that cannot be read as CSV comes back as one detail on `body`, worded by the server.
  const badCsv = submission.error?.code === 'validation' ? submission.error.details[0]?.message : undefined;

  return (
    <Page title={t('import.title')}>
      <p class="back">
        <a href="/volunteers" onClick={linkClick}>
          ← {t('volunteer.back')}
        </a>
      </p>
      <section class="card" aria-labelledby="import-how-title">
        <h2 id="import-how-title">{t('import.how')}</h2>
        <p>{t('import.intro')}</p>
        <p class="hint">{t('import.example')}</p>
        <pre class="example" data-testid="import-example">
          {exampleHeading}
          {'\n'}
          {exampleRow}
        </pre>
        <p class="hint">{t('import.columns')}</p>
      </section>
      <form class="card form" onSubmit={submit} aria-labelledby="import-form-title">
        <h2 id="import-form-title">{t('import.paste')}</h2>
        {badCsv ? (
          <p class="alert alert-error" role="alert">
            {t('import.badCsv', { reason: badCsv })}
          </p>
        ) : (
          <ErrorMessage error={submission.error} />
        )}
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => pick(e.currentTarget)}
          />
          {fileName && <p class="hint">{t('import.fileLoaded', { name: fileName })}</p>}
          {fileError && <p class="field-error">{t('import.fileError')}</p>}
        </div>
        <div class="field">
          <label for="import-csv">{t('import.csv')}</label>
          <textarea
            id="import-csv"
            class="mono"
            rows={8}
            required
            spellcheck={false}
            placeholder={exampleHeading}
            value={csv}
            onInput={(e) => setCsv(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn btn-primary" disabled={submission.busy || csv.trim() === ''}>
          {submission.busy ? t('import.importing') : t('import.submit')}
        </button>
      </form>
      {report && <Report report={report} />}
      {report && (
        <p>
          <a href="/volunteers" onClick={linkClick}>
            {t('import.toRoster')}
          </a>
        </p>
      )}
    </Page>
  );
}
