import { useState } from 'preact/hooks';
import { api, type Fund, type FundImportReport } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatMoney } from '../../components/money';
import { formatDay } from '../../components/networkTime';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { FundSelect } from './FundFields';

function ImportReport({ report, currency }: { report: FundImportReport; currency: string }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="fund-import-report" data-testid="fund-import-report">
      <h2 id="fund-import-report">{t('fund.importReport')}</h2>
      <p class="chip-group" role="status">
        <span class="chip chip-ok" data-testid="fund-imported">
          {t('fund.importedN', {
            n: report.imported,
            amount: formatMoney(lang, report.importedCents, currency),
          })}
        </span>
        <span class="chip chip-wait" data-testid="fund-duplicates">
          {t('fund.duplicatesN', { n: report.duplicates })}
        </span>
        <span class={`chip ${report.refused ? 'chip-bad' : 'chip-wait'}`} data-testid="fund-refused">
          {t('fund.refusedN', { n: report.refused })}
        </span>
      </p>
      {report.rows.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('fund.amountShort')}</th>
              <th scope="col">{t('fund.receivedOn')}</th>
              <th scope="col">{t('import.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row} data-testid="fund-import-row" data-status={r.status}>
                <td data-label={t('import.row')} class="mono">
                  {r.row}
                </td>
                <th scope="row" data-label={t('fund.amountShort')}>
                  {r.amountCents === null ? '—' : formatMoney(lang, r.amountCents, currency)}
                </th>
                <td data-label={t('fund.receivedOn')}>
                  {r.receivedOn ? formatDay(lang, r.receivedOn) : '—'}
                </td>
                <td data-label={t('import.result')}>
                  <span
                    class={`chip ${r.status === 'imported' ? 'chip-ok' : r.status === 'duplicate' ? 'chip-wait' : 'chip-bad'}`}
                  >
                    {t(`fund.row.${r.status}`)}
                  </span>
                  {r.errors.length > 0 && (
                    <ul class="reasons">
                      {r.errors.map((e) => (
                        <li key={`${e.path}:${e.message}`}>
                          {t('fund.rowError', { column: e.path, message: e.message })}
                        </li>
                      ))}
                    </ul>
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

/** A platform's export (GoFundMe, Venmo, PayPal…) pasted or picked as a file; a verdict per row. */
export function FundImport({ funds, currency }: { funds: Fund[]; currency: string }) {
  const { t } = useI18n();
  const [fundId, setFundId] = useState<number | null>(funds.length === 1 ? funds[0]!.id : null);
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<FundImportReport | null>(null);
  const submission = useSubmission<FundImportReport>();
  const pick = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void file.text().then(setCsv);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (fundId === null) return;
    setReport(null);
    const result = await submission.run((key) => api.importIncome(fundId, csv, key));
    if (result) setReport(result);
  };
  const badFile = submission.error?.code === 'validation' ? submission.error.details[0]?.message : undefined;
  return (
    <>
      <form
        class="card form"
        onSubmit={submit}
        aria-labelledby="fund-import-title"
        data-testid="fund-import-form"
      >
        <h2 id="fund-import-title">{t('fund.importTitle')}</h2>
        <p class="hint">{t('fund.importHelp')}</p>
        {badFile ? (
          <p class="alert alert-error" role="alert">
            {t('import.badCsv', { reason: badFile })}
          </p>
        ) : (
          <ErrorMessage error={submission.error} />
        )}
        <FundSelect id="import-fund" funds={funds} value={fundId} onChange={setFundId} />
        <div class="field">
          <label for="fund-import-file">{t('import.file')}</label>
          <input
            id="fund-import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => pick(e.currentTarget)}
          />
        </div>
        <div class="field">
          <label for="fund-import-csv">{t('import.csv')}</label>
          <textarea
            id="fund-import-csv"
            class="mono"
            rows={6}
            spellcheck={false}
            placeholder="Date,Transaction ID,Status,Currency,Net"
            value={csv}
            onInput={(e) => setCsv(e.currentTarget.value)}
          />
        </div>
        <button
          type="submit"
          class="btn btn-primary"
          disabled={submission.busy || fundId === null || !csv.trim()}
        >
          {submission.busy ? t('import.importing') : t('fund.importSubmit')}
        </button>
      </form>
      {report && <ImportReport report={report} currency={currency} />}
    </>
  );
}
